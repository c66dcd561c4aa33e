import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines, routeRows } from './fixtureWorkspace';

describe('Jakarta REST (JAX-RS) resources and Micronaut controllers', () => {
  it('JAX-RS: class and method @Path under the @ApplicationPath, a template\'s regex left out, constants read; locators, clients and plain classes are no routes', async () => {
    const f = await joined({
      'src/main/java/shop/ShopApplication.java': lines(
        'package shop;',
        'import jakarta.ws.rs.ApplicationPath;',
        'import jakarta.ws.rs.core.Application;',
        '@ApplicationPath("/api")',
        'public class ShopApplication extends Application {}',
      ),
      'src/main/java/shop/Paths.java': lines('package shop;', 'public interface Paths {', '    String ORDERS = "orders";', '}'),
      'src/main/java/shop/OrderResource.java': lines(
        'package shop;',
        'import jakarta.ws.rs.*;',
        'import jakarta.ws.rs.core.MediaType;',
        '@Path(Paths.ORDERS)',
        '@Produces(MediaType.APPLICATION_JSON)',
        'public class OrderResource {',
        '    @Inject OrderRepository orderRepository;',
        '    @GET',
        '    public List<Order> list(@QueryParam("ids") List<Long> ids) {',
        '        List<Order> out = new ArrayList<>();',
        '        for (Long id : ids) out.add(orderRepository.findById(id));',
        '        return out;',
        '    }',
        '    @Path("{id: \\\\d+}")',
        '    @GET',
        '    public Order one(@PathParam("id") Long id) { return orderRepository.findById(id); }',
        '    @POST',
        '    @Path("/{id}/lines")',
        '    public void addLine(@PathParam("id") Long id, Line line) {}',
        '    @Path("{id}/payments")',
        '    public PaymentResource payments(@PathParam("id") Long id) { return new PaymentResource(id); }',
        '}',
      ),
      'src/main/java/shop/PaymentResource.java': lines(
        'package shop;',
        'import jakarta.ws.rs.GET;',
        'public class PaymentResource {',
        '    @GET',
        '    public List<Payment> all() { return List.of(); }',
        '}',
      ),
      'src/main/java/shop/StockClient.java': lines(
        'package shop;',
        'import javax.ws.rs.*;',
        'import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;',
        '@Path("/stock")',
        '@RegisterRestClient(configKey = "stock")',
        'public interface StockClient {',
        '    @GET',
        '    @Path("/{sku}")',
        '    Stock bySku(@PathParam("sku") String sku);',
        '}',
      ),
    });
    assert.deepEqual(routeRows(f), [
      ['GET', '/api/orders', 'src/main/java/shop/OrderResource.java', 7, 'jax-rs'],
      ['GET', '/api/orders/{id}', 'src/main/java/shop/OrderResource.java', 14, 'jax-rs'],
      ['POST', '/api/orders/{id}/lines', 'src/main/java/shop/OrderResource.java', 16, 'jax-rs'],
    ]);
    assert.deepEqual(hazardRows(f), ['query-in-loop src/main/java/shop/OrderResource.java:11:37 orderRepository.findById [for-each sequential] → GET /api/orders']);
  });

  it("JAX-RS: an abstract base class's resource methods are served under each subclass's @Path, by its override or else the base's (traccar's BaseObjectResource)", async () => {
    const f = await joined({
      'src/main/java/org/traccar/api/BaseObjectResource.java': lines(
        'package org.traccar.api;',
        'import jakarta.ws.rs.*;',
        'public abstract class BaseObjectResource<T extends BaseModel> extends BaseResource {',
        '    @Path("{id}")',
        '    @GET',
        '    public Response getSingle(@PathParam("id") long id) { return Response.ok(storage.getObject(id)).build(); }',
        '    @POST',
        '    public Response add(T entity) { for (Long id : entity.getIds()) { jdbcTemplate.update("UPDATE links SET seen = 1 WHERE id = ?", id); } return Response.ok(entity).build(); }',
        '}',
      ),
      'src/main/java/org/traccar/api/SimpleObjectResource.java': lines(
        'package org.traccar.api;',
        'import jakarta.ws.rs.*;',
        'public abstract class SimpleObjectResource<T extends BaseModel> extends BaseObjectResource<T> {',
        '    @GET',
        '    public Collection<T> get(@QueryParam("all") boolean all) { return List.of(); }',
        '}',
      ),
      'src/main/java/org/traccar/api/resource/DeviceResource.java': lines(
        'package org.traccar.api.resource;',
        'import jakarta.ws.rs.*;',
        '@Path("devices")',
        'public class DeviceResource extends BaseObjectResource<Device> {',
        '    @Override',
        '    public Response add(Device entity) { return Response.ok(entity).build(); }',
        '}',
      ),
      'src/main/java/org/traccar/api/resource/CalendarResource.java': lines(
        'package org.traccar.api.resource;',
        'import jakarta.ws.rs.*;',
        '@Path("calendars")',
        'public class CalendarResource extends SimpleObjectResource<Calendar> {',
        '}',
      ),
      // A base class no resource extends serves nothing.
      'src/main/java/org/traccar/api/UnusedResource.java': lines('package org.traccar.api;', 'import jakarta.ws.rs.*;', 'public abstract class UnusedResource {', '    @GET', '    public String ping() { return "pong"; }', '}'),
    });
    assert.deepEqual(routeRows(f), [
      ['GET', '/calendars/{id}', 'src/main/java/org/traccar/api/BaseObjectResource.java', 4, 'jax-rs'],
      ['GET', '/devices/{id}', 'src/main/java/org/traccar/api/BaseObjectResource.java', 4, 'jax-rs'],
      ['POST', '/calendars', 'src/main/java/org/traccar/api/BaseObjectResource.java', 6, 'jax-rs'],
      ['POST', '/devices', 'src/main/java/org/traccar/api/BaseObjectResource.java', 6, 'jax-rs'],
      ['GET', '/calendars', 'src/main/java/org/traccar/api/SimpleObjectResource.java', 3, 'jax-rs'],
    ]);
    // DeviceResource overrides add: its POST runs its own, not the base's loop.
    assert.deepEqual(hazardRows(f), ['query-in-loop src/main/java/org/traccar/api/BaseObjectResource.java:8:71 jdbcTemplate.update [for-each sequential] → POST /calendars']);
  });

  it('Micronaut: @Controller with @Get("/{id}"), @Post, a query template left out; the same annotations without Micronaut are no routes', async () => {
    const f = await joined({
      'src/main/java/shop/BookController.java': lines(
        'package shop;',
        'import io.micronaut.http.annotation.*;',
        '@Controller("/books")',
        'public class BookController {',
        '    @Get("/{id}")',
        '    public Book show(Long id) { return null; }',
        '    @Get("/list{?max,offset}")',
        '    public List<Book> list(Integer max, Integer offset) { return List.of(); }',
        '    @Post',
        '    public Book save(@Body Book book) { return book; }',
        '}',
      ),
      'src/main/java/shop/Other.java': lines('package shop;', '@Controller("/other")', 'public class Other {', '    @Get("/x")', '    public String x() { return ""; }', '}'),
    });
    assert.deepEqual(routeRows(f), [
      ['GET', '/books/{id}', 'src/main/java/shop/BookController.java', 4, 'micronaut'],
      ['GET', '/books/list', 'src/main/java/shop/BookController.java', 6, 'micronaut'],
      ['POST', '/books', 'src/main/java/shop/BookController.java', 8, 'micronaut'],
    ]);
  });

  it('API first on Quarkus: the spec\'s operations, served by the resource implementing the interface its tag names (VillainsResource); a tag no class implements serves nothing', async () => {
    const f = await joined({
      'rest-villains/src/main/resources/openapi/openapi.yml': lines(
        'openapi: 3.0.3',
        'paths:',
        '  /api/villains:',
        '    get:',
        '      tags: [villains]',
        '      operationId: getAllVillains',
        '  /api/villains/{id}:',
        '    delete:',
        '      tags: [villains]',
        '      operationId: deleteVillain',
        '  /api/villains/hello:',
        '    get:',
        '      tags: [hello]',
        '      operationId: hello',
      ),
      'rest-villains/src/main/java/villain/rest/VillainResource.java': lines(
        'package villain.rest;',
        'public class VillainResource implements VillainsResource {',
        '    @Inject VillainRepository villainRepository;',
        '    @Override',
        '    public List<Villain> getAllVillains(List<Long> ids) {',
        '        List<Villain> out = new ArrayList<>();',
        '        for (Long id : ids) out.add(villainRepository.findById(id));',
        '        return out;',
        '    }',
        '    @Override',
        '    public void deleteVillain(Long id) {}',
        '}',
      ),
    });
    assert.deepEqual(routeRows(f), [
      ['GET', '/api/villains', 'rest-villains/src/main/resources/openapi/openapi.yml', 3, 'openapi'],
      ['DELETE', '/api/villains/{id}', 'rest-villains/src/main/resources/openapi/openapi.yml', 7, 'openapi'],
    ]);
    assert.deepEqual(hazardRows(f), ['query-in-loop rest-villains/src/main/java/villain/rest/VillainResource.java:7:37 villainRepository.findById [for-each sequential] → GET /api/villains']);
  });
});

