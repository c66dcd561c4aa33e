import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines, routeRows } from './fixtureWorkspace';

describe('Flask-AppBuilder: exposed methods of views and APIs', () => {
  it('@expose under an API\'s /api/<version>/<resource_name> and a view\'s /<class name>; route_base and methods as written', async () => {
    const f = await joined({
      'app/api.py': lines(
        'from flask_appbuilder.api import BaseApi, expose', // 1
        'from flask_appbuilder import BaseView',
        'from . import db',
        '',
        'class GreetingApi(BaseApi):', // 5
        '    resource_name = "greeting"',
        '    @expose("/")',
        '    def greeting(self):',
        '        return self.response(200, rows=db.session.query(Greeting).all())',
        '    @expose("/bulk", methods=["POST", "PUT"])', // 10
        '    def bulk(self):',
        '        return self.response(200)',
        '',
        'class ReportApi(BaseApi):',
        '    version = "v2"', // 15
        '    @expose("/<int:pk>")',
        '    def one(self, pk):',
        '        return self.response(200)',
        '',
        'class MyView(BaseView):', // 20
        '    @expose("/method1/<string:param1>")',
        '    def method1(self, param1):',
        '        return param1',
        '',
        'class Pages(BaseView):', // 25
        '    route_base = "/pages"',
        '    @expose("/")',
        '    def index(self):',
        '        return ""',
      ),
    });
    assert.deepEqual(routeRows(f), [
      ['GET', '/api/v1/greeting/', 'app/api.py', 6, 'flask-appbuilder'],
      ['POST', '/api/v1/greeting/bulk', 'app/api.py', 9, 'flask-appbuilder'],
      ['PUT', '/api/v1/greeting/bulk', 'app/api.py', 9, 'flask-appbuilder'],
      ['GET', '/api/v2/reportapi/<int:pk>', 'app/api.py', 15, 'flask-appbuilder'],
      ['GET', '/myview/method1/<string:param1>', 'app/api.py', 20, 'flask-appbuilder'],
      ['GET', '/pages/', 'app/api.py', 26, 'flask-appbuilder'],
    ]);
    assert.deepEqual(hazardRows(f), ['unbounded-query app/api.py:9:40 db.session.query.all → GET /api/v1/greeting/']);
  });

  it("a ModelRestApi with a datamodel serves the library's CRUD routes it does not define or exclude; FAB's auth views keep their route base", async () => {
    const f = await joined({
      'app/api.py': lines(
        'from flask_appbuilder.api import ModelRestApi, expose', // 1
        'from flask_appbuilder.models.sqla.interface import SQLAInterface',
        'from flask_appbuilder.security.views import AuthDBView',
        '',
        'class ContactModelApi(ModelRestApi):', // 5
        '    resource_name = "contact"',
        '    datamodel = SQLAInterface(Contact)',
        '    exclude_route_methods = {"info", "put"}',
        '    @expose("/", methods=["GET"])',
        '    def get_list(self, **kwargs):', // 10
        '        return self.response(200)',
        '    def delete(self, pk):',
        '        return super().delete(pk)',
        '',
        'class BaseProjectApi(ModelRestApi):', // 15
        '    @expose("/related/<column_name>")',
        '    def related(self, column_name):',
        '        return self.response(200)',
        '',
        'class MyAuthView(AuthDBView):', // 20
        '    @expose("/login/", methods=["GET", "POST"])',
        '    def login(self):',
        '        return super().login()',
        '',
        'class NoData(ModelRestApi):', // 25
        '    resource_name = "nodata"',
      ),
    });
    assert.deepEqual(routeRows(f), [
      ['GET', '/api/v1/contact/<int:pk>', 'app/api.py', 4, 'flask-appbuilder'],
      ['POST', '/api/v1/contact/', 'app/api.py', 4, 'flask-appbuilder'],
      ['GET', '/api/v1/contact/', 'app/api.py', 8, 'flask-appbuilder'],
      ['GET', '/login/', 'app/api.py', 20, 'flask-appbuilder'],
      ['POST', '/login/', 'app/api.py', 20, 'flask-appbuilder'],
    ]);
  });

  it('not in a module without Flask-AppBuilder: a project\'s own expose decorator', async () => {
    const f = await joined({
      'app/views.py': lines('from .web import expose', 'class Home(Base):', '    @expose("/")', '    def index(self):', '        return ""'),
    });
    assert.deepEqual(routeRows(f), []);
  });
});
