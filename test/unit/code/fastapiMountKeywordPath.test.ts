import assert from 'node:assert/strict';
import { joined, lines, routeRows } from './fixtureWorkspace';

describe('FastAPI/Starlette: app.mount with its path given by keyword', function () {
  this.timeout(10_000);

  const api = lines('from fastapi import FastAPI', '', 'mcp_app = FastAPI()', '', '@mcp_app.get("/enabled")', 'def enabled():', '    return True');
  const main = (mount: string) =>
    joined({
      'app/constants.py': lines('BASE_MCP_ROUTE = "/mcp"'),
      'app/mcp.py': api,
      'app/main.py': lines('from fastapi import FastAPI', 'from app.mcp import mcp_app', 'from app.constants import BASE_MCP_ROUTE', '', 'app = FastAPI()', mount),
    });

  it("serves the app under path=… as under a positional path (litellm's `app.mount(path=BASE_MCP_ROUTE, app=mcp_app)`), in either order", async () => {
    assert.deepEqual(routeRows(await main('app.mount(path=BASE_MCP_ROUTE, app=mcp_app)')), [['GET', '/mcp/enabled', 'app/mcp.py', 4, 'fastapi']]);
    assert.deepEqual(routeRows(await main('app.mount(app=mcp_app, path="/tools")')), [['GET', '/tools/enabled', 'app/mcp.py', 4, 'fastapi']]);
    assert.deepEqual(routeRows(await main('app.mount(BASE_MCP_ROUTE, mcp_app)')), [['GET', '/mcp/enabled', 'app/mcp.py', 4, 'fastapi']]);
  });

  it('does not take another keyword for the path: name= is only the mount\'s name', async () => {
    assert.deepEqual(routeRows(await main('app.mount(app=mcp_app, name="mcp")')), [['GET', '/enabled', 'app/mcp.py', 4, 'fastapi']]);
  });
});
