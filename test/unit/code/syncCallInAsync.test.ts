import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

const blocking = (rows: string[]) => rows.filter((r) => r.startsWith('blocking-call'));

/**
 * A synchronous remote call of the catalogue (boto3's S3 or SQS client, an LLM SDK's client, smtplib) written straight
 * in an `async def` blocks the event loop as the same call in a helper one function down does, and as an inline
 * DynamoDB call (a query) already did (chainlit audit PY-2). Not awaited, handed to a thread or to a coroutine runner,
 * not on an async client (aioboto3's `async with … as s3`, `AsyncOpenAI()`), nor in a loop (a call in a loop says it).
 */
describe('blocking-call: a synchronous SDK call written inside async def (chainlit audit PY-2)', function () {
  this.timeout(10_000);

  it("boto3's S3 and SQS clients and a sync OpenAI client inside async def; as before, the helper one function down and DynamoDB", async () => {
    const f = await joined({
      'app/server.py': lines(
        'import boto3',
        'from fastapi import FastAPI',
        'from openai import OpenAI',
        '',
        'app = FastAPI()',
        's3 = boto3.client("s3")',
        'sqs = boto3.client("sqs")',
        'dynamodb = boto3.client("dynamodb")',
        'llm_client = OpenAI()',
        '',
        'def put_one(key):',
        '    s3.put_object(Bucket="b", Key=key, Body=b"x")',
        '',
        '@app.post("/inline")',
        'async def put_inline(key: str):',
        '    s3.put_object(Bucket="b", Key=key, Body=b"x")', // 16
        '    sqs.send_message(QueueUrl="q", MessageBody=key)', // 17
        '    return {"ok": True}',
        '',
        '@app.get("/user")',
        'async def get_user(identifier: str):',
        '    return dynamodb.get_item(TableName="t", Key={"PK": {"S": identifier}})', // 22
        '',
        '@app.post("/helper")',
        'async def put_helper(key: str):',
        '    put_one(key)', // 26
        '',
        '@app.post("/ask")',
        'async def ask(q: str):',
        '    r = llm_client.chat.completions.create(model="m", messages=[{"role": "user", "content": q}])', // 30
        '    return r.choices[0].message.content',
      ),
    });
    assert.deepEqual(blocking(hazardRows(f)), [
      'blocking-call app/server.py:16:5 s3.put_object → POST /inline',
      'blocking-call app/server.py:17:5 sqs.send_message → POST /inline',
      'blocking-call app/server.py:22:12 dynamodb.get_item → GET /user',
      'blocking-call app/server.py:26:5 put_one → s3.put_object → POST /helper',
      'blocking-call app/server.py:30:9 llm_client.chat.completions.create → POST /ask',
    ]);
    const inline = [...f.values()].flatMap((a) => a.hazards).find((h) => h.callee === 's3.put_object');
    assert.match(inline?.explanation ?? '', /a synchronous S3 request \(boto3\) inside `async def`/);
  });

  it('not awaited, handed to a thread or gathered, on an async client, in a plain def, in a loop, nor an HTTP request known by a holder\'s name alone', async () => {
    const f = await joined({
      'app/store.py': lines(
        'import asyncio',
        'import aioboto3',
        'import boto3',
        'from fastapi import FastAPI',
        'from openai import AsyncOpenAI',
        '',
        'app = FastAPI()',
        's3 = boto3.client("s3")',
        'session = aioboto3.Session()',
        'llm_client = AsyncOpenAI()',
        '',
        '@app.post("/threaded")',
        'async def threaded(key: str):',
        '    await asyncio.to_thread(lambda: s3.put_object(Bucket="b", Key=key, Body=b"x"))', // 14
        '    return {"ok": True}',
        '',
        '@app.post("/aio")',
        'async def aio(keys: list[str]):',
        '    async with session.client("s3") as s3_client:',
        '        await s3_client.put_object(Bucket="b", Key="one", Body=b"x")', // 20: awaited
        '        tasks = []',
        '        tasks.append(s3_client.delete_object(Bucket="b", Key="old"))', // 22: an async client's awaitable
        '        await asyncio.gather(*tasks)',
        '    return {"ok": True}',
        '',
        '@app.post("/ask")',
        'async def ask(q: str):',
        '    return llm_client.chat.completions.create(model="m", messages=[])', // 28: an awaitable, returned
        '',
        '@app.post("/plain")',
        'def plain(key: str):',
        '    s3.put_object(Bucket="b", Key=key, Body=b"x")', // 32: a plain def runs in the thread pool
        '    return {"ok": True}',
        '',
        '@app.post("/many")',
        'async def many(keys: list[str]):',
        '    for key in keys:',
        '        s3.delete_object(Bucket="b", Key=key)', // 38: a call in a loop
        '',
        'class Sender:',
        '    async def send_element(self, key: str):',
        '        return self.session.files.get(key)', // 42: an HTTP request by the holder's name alone (chainlit's dict of files)
      ),
    });
    assert.deepEqual(blocking(hazardRows(f)), []);
    assert.deepEqual(
      hazardRows(f).filter((r) => r.includes(':38:')),
      ['call-in-loop app/store.py:38:9 s3.delete_object [for sequential] → POST /many'],
    );
  });
});
