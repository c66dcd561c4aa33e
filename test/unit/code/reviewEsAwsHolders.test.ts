import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

// Review of stop 68 (RA-1, RA-2, RA-4, RA-5): the Elasticsearch and AWS rules name their clients' holders, not every
// holder of the file: a dict built for a query (`es_query`), another HTTP client (`apiClient`, `webClient`), an MQTT
// client's `publish`; and a queue consumer's long poll is no request per item.
describe('Elasticsearch and AWS rules keep to their own clients', () => {
  it("Python: Elasticsearch code's dicts (es_query.update, es_settings.get) are no requests", async () => {
    const f = await joined({
      'app.py': lines(
        'from elasticsearch import Elasticsearch',
        'from fastapi import FastAPI',
        '',
        'app = FastAPI()',
        'es = Elasticsearch("http://es:9200")',
        '',
        '@app.get("/search")',
        'def search(filters: dict, fields: list):',
        '    es_query = {"bool": {"must": []}}',
        '    es_settings = {"size": 10}',
        '    for k, v in filters.items():',
        '        es_query.update({k: v})',
        '    for f in fields:',
        '        es_settings.get(f)',
        '    for i in filters:',
        '        es.get(index="docs", id=i)', // 16: still a request
        '    return es.search(index="docs", query=es_query)',
      ),
    });
    assert.deepEqual(hazardRows(f), ['query-in-loop app.py:16:9 es.get [for sequential] → GET /search']);
  });

  it('JavaScript and Java: another HTTP client beside an Elasticsearch client stays a remote call', async () => {
    const f = await joined({
      'search.js': lines(
        "const express = require('express');",
        "const axios = require('axios');",
        "const { Client } = require('@elastic/elasticsearch');",
        'const app = express();',
        "const es = new Client({ node: 'http://es:9200' });",
        "const apiClient = axios.create({ baseURL: 'http://users:8080', timeout: 5000 });",
        "app.get('/enrich', async (req, res) => {",
        "  const hits = (await es.search({ index: 'docs' })).hits.hits;",
        '  for (const h of hits) {',
        '    h.user = (await apiClient.get(`/users/${h._source.userId}`)).data;', // 10
        '  }',
        '  res.json(hits);',
        '});',
        'app.listen(3000);',
      ),
    });
    const rows = hazardRows(f);
    assert.deepEqual(rows, ['call-in-loop search.js:10:21 apiClient.get [for…of sequential] → GET /enrich']);
    const h = [...f.values()].flatMap((a) => a.hazards)[0];
    assert.match(h.explanation, /Remote call/);
    assert.doesNotMatch(h.explanation, /Elasticsearch/);
  });

  it("an SQS consumer's long poll is no call per item; an MQTT client's publish in a file loading boto3 or the AWS SDK is no AWS request", async () => {
    const f = await joined({
      'worker.py': lines(
        'import boto3',
        'sqs = boto3.client("sqs")',
        'def run():',
        '    while True:',
        '        msgs = sqs.receive_message(QueueUrl="q", WaitTimeSeconds=20)',
        '        handle(msgs)',
        'def handle(m):',
        '    return m',
      ),
      'notify.py': lines(
        'import boto3',
        'import paho.mqtt.client as mqtt',
        's3 = boto3.client("s3")',
        'mqtt_client = mqtt.Client()',
        'def notify(devices):',
        '    for d in devices:',
        '        mqtt_client.publish(f"devices/{d}/cmd", "reload")',
        '    for d in devices:',
        '        s3.delete_object(Bucket="b", Key=d)', // 9: still a request
      ),
      'notify.js': lines(
        "const { S3 } = require('@aws-sdk/client-s3');",
        "const mqtt = require('mqtt');",
        "const mqttClient = mqtt.connect('mqtt://broker');",
        'exports.notify = (devices) => {',
        '  for (const d of devices) mqttClient.publish(`devices/${d}`, "reload");',
        '};',
      ),
    });
    assert.deepEqual(hazardRows(f), ['call-in-loop notify.py:9:9 s3.delete_object [for sequential] → -']);
  });
});
