import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * The AWS SDKs' object-style clients (JavaScript's v2 and v3 aggregated clients, boto3's SQS/SNS/SES/Lambda, Java's
 * v1 and v2, aws-sdk-go given a service's input): each method is a request to the service, so one per item in a loop
 * is a call in a loop. Only where the file loads the SDK: `publish`, `invoke` and `upload` are others' names too.
 */
describe('AWS SDK object-style clients (JavaScript, Python, Go, Java)', () => {
  it("JavaScript: v3's aggregated S3 and v2's SQS per item; not once, nor the same names without the SDK", async () => {
    const f = await joined({
      'src/files.ts': lines(
        "import { S3 } from '@aws-sdk/client-s3';",
        '',
        "const s3 = new S3({ region: 'eu-west-1' });",
        '',
        'export async function sizes(keys: string[]) {',
        '  const out = [];',
        "  for (const Key of keys) out.push(await s3.headObject({ Bucket: 'b', Key }));", // 7
        "  await s3.putObject({ Bucket: 'b', Key: 'index', Body: JSON.stringify(out) });",
        '  return out;',
        '}',
      ),
      'src/queue.js': lines(
        "const AWS = require('aws-sdk');",
        'const sqs = new AWS.SQS();',
        'exports.enqueue = async (jobs) => {',
        '  await Promise.all(jobs.map((j) => sqs.sendMessage({ QueueUrl: process.env.Q, MessageBody: j }).promise()));', // 4
        '};',
      ),
      'src/bus.ts': lines(
        'export function announce(events: string[], bus: { publish(e: string): void }) {',
        '  for (const e of events) bus.publish(e);',
        '}',
      ),
    });
    assert.deepEqual(hazardRows(f), [
      'call-in-loop src/files.ts:7:42 s3.headObject [for…of sequential] → -',
      'call-in-loop src/queue.js:4:37 sqs.sendMessage [.map() parallel] → -',
    ]);
    const h = [...f.values()].flatMap((a) => a.hazards).find((x) => x.file === 'src/files.ts');
    assert.match(h?.explanation ?? '', /Remote call/);
  });

  it("Python: boto3's SQS and Lambda clients per item; not a client of a module that does not import boto3", async () => {
    const f = await joined({
      'app/jobs.py': lines(
        'import boto3',
        '',
        'sqs = boto3.client("sqs")',
        'lambda_client = boto3.client("lambda")',
        '',
        'def fan_out(jobs):',
        '    for j in jobs:',
        '        sqs.send_message(QueueUrl=URL, MessageBody=j)', // 8
        '    [lambda_client.invoke(FunctionName="f", Payload=j) for j in jobs]', // 9
        '    sqs.send_message_batch(QueueUrl=URL, Entries=jobs)',
      ),
      'app/mqtt.py': lines(
        'def relay(messages, client):',
        '    for m in messages:',
        '        client.publish("topic", m)',
      ),
    });
    assert.deepEqual(hazardRows(f), [
      'call-in-loop app/jobs.py:8:9 sqs.send_message [for sequential] → -',
      'call-in-loop app/jobs.py:9:6 lambda_client.invoke [comprehension sequential] → -',
    ]);
  });

  it("Python: boto3's DynamoDB and S3 clients kept as self.client (chainlit's data layers); DynamoDB's query only where the module names DynamoDB", async () => {
    const layer = lines(
      'import boto3',
      '',
      'class DataLayer:',
      '    def __init__(self):',
      '        self.client = boto3.client("dynamodb")',
      '        self.files = boto3.client("s3")',
      '',
      '    def favorite_steps(self, thread_ids):',
      '        for thread_id in thread_ids:',
      '            self.client.query(TableName="t", KeyConditionExpression=f"pk = {thread_id}")', // 10
      '',
      '    def delete_files(self, keys, client):',
      '        for key in keys:',
      '            client.delete_object(Bucket="b", Key=key)', // 14
    );
    const f = await joined({
      'app/layer.py': layer,
      // The same `query` where the module names no DynamoDB (a search client of boto3's module): not DynamoDB's.
      'app/other.py': layer.replace('"dynamodb"', '"opensearch"').replace(/\n.*delete_files[\s\S]*$/, '\n'),
    });
    assert.deepEqual(hazardRows(f), [
      'call-in-loop app/layer.py:14:13 client.delete_object [for sequential] → -',
      'query-in-loop app/layer.py:10:13 self.client.query [for sequential] → -',
    ]);
  });

  it('Go: aws-sdk-go v1 and v2, a client given a service input per item (DynamoDB as a query); not a method given another value', async () => {
    const f = await joined({
      'store/objects.go': lines(
        'package store',
        '',
        'import (',
        '\t"context"',
        '',
        '\t"github.com/aws/aws-sdk-go-v2/aws"',
        '\t"github.com/aws/aws-sdk-go-v2/service/dynamodb"',
        '\t"github.com/aws/aws-sdk-go-v2/service/s3"',
        ')',
        '',
        'type Store struct {',
        '\ts3  *s3.Client',
        '\tddb *dynamodb.Client',
        '\tcache map[string]string',
        '}',
        '',
        'func (st *Store) Load(ctx context.Context, keys []string) {',
        '\tfor _, k := range keys {',
        '\t\tst.s3.GetObject(ctx, &s3.GetObjectInput{Bucket: aws.String("b"), Key: aws.String(k)})', // 19
        '\t\tst.ddb.GetItem(ctx, &dynamodb.GetItemInput{TableName: aws.String("t")})', // 20
        '\t\tst.Remember(k, "x")',
        '\t}',
        '}',
        '',
        'func (st *Store) Remember(k, v string) { st.cache[k] = v }',
      ),
    });
    assert.deepEqual(hazardRows(f), [
      'call-in-loop store/objects.go:19:3 st.s3.GetObject [for sequential] → -',
      'query-in-loop store/objects.go:20:3 st.ddb.GetItem [for sequential] → -',
    ]);
  });

  it("Java: v1's AmazonS3 and v2's SqsClient per item; not without the SDK's imports", async () => {
    const text = lines(
      'package demo;',
      'import java.util.List;',
      'import com.amazonaws.services.s3.AmazonS3;',
      'import software.amazon.awssdk.services.sqs.SqsClient;',
      'public class Archiver {',
      '  private AmazonS3 amazonS3;',
      '  private SqsClient sqsClient;',
      '  public void archive(List<String> keys) {',
      '    for (String key : keys) {',
      '      amazonS3.deleteObject("bucket", key);', // 10
      '    }',
      '    keys.forEach(k -> sqsClient.sendMessage(b -> b.queueUrl("q").messageBody(k)));', // 12
      '  }',
      '}',
    );
    const f = await joined({
      'src/main/java/demo/Archiver.java': text,
      'src/main/java/demo/Other.java': text.replace(/import (com\.amazonaws|software\.amazon)[^\n]*\n/g, '').replace('class Archiver', 'class Other'),
    });
    assert.deepEqual(hazardRows(f), [
      'call-in-loop src/main/java/demo/Archiver.java:10:7 amazonS3.deleteObject [for-each sequential] → -',
      'call-in-loop src/main/java/demo/Archiver.java:12:23 sqsClient.sendMessage [.forEach() sequential] → -',
    ]);
  });
});
