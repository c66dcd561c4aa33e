import assert from 'node:assert/strict';
import { hazardRows, joined, lines } from './fixtureWorkspace';

describe('code analysis: LLM API requests (OpenAI, Anthropic) are remote calls', function () {
  this.timeout(10_000);

  it("one per item of a loop is a call in a loop, in Python, TypeScript and Go; a same-named relation (Django's `messages`, `completions`) is not, also in a module that imports the SDK", async () => {
    const f = await joined({
      'app/summarize.py': lines(
        'import anthropic',
        'import openai',
        'from openai import OpenAI, AsyncOpenAI',
        '',
        'client = OpenAI(timeout=30)',
        'aclient = AsyncOpenAI()',
        'claude = anthropic.Anthropic()',
        '',
        'def summarize_all(docs):',
        '    out = []',
        '    for d in docs:',
        '        r = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": d}])', // 12
        '        out.append(r.choices[0].message.content)',
        '    return out',
        '',
        'async def embed_all(texts):',
        '    return [await aclient.embeddings.create(model="m", input=t) for t in texts]', // 17
        '',
        'def ask_all(qs):',
        '    for q in qs:',
        '        claude.messages.create(model="c", max_tokens=100, messages=[{"role": "user", "content": q}])', // 21
        '',
        'def legacy(items):',
        '    for i in items:',
        '        openai.ChatCompletion.create(model="gpt-3.5-turbo", messages=[])', // 25
      ),
      'app/inbox.py': lines(
        'def notify(users, texts):',
        '    for u in users:',
        '        u.messages.create(text="hi")', // not Anthropic's: this module does not import it
        '    for t in texts:',
        '        request.user.completions.create(text=t)', // a relation named completions, not OpenAI's
      ),
      'app/chat.py': lines(
        'import anthropic',
        'claude = anthropic.Anthropic()',
        'def reply(conversation, parts):',
        '    for part in parts:',
        '        conversation.messages.create(content=part)', // a relation, in a module that imports the SDK
        '    for part in parts:',
        '        claude.messages.create(model="c", max_tokens=10, messages=[{"role": "user", "content": part}])', // 7
      ),
      'src/llm.ts': lines(
        'import {',
        '  OpenAI,',
        "} from 'openai';",
        'const oai = new OpenAI();',
        "import Anthropic from '@anthropic-ai/sdk';",
        'const openai = new OpenAI();',
        'const anthropic = new Anthropic();',
        'export async function tagAll(items: string[]) {',
        '  for (const it of items) {',
        "    await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: it }] });", // 10
        "    await oai.responses.create({ model: 'gpt-4o', input: it });", // 11: any name, in a module importing the SDK
        '  }',
        "  await Promise.all(items.map((it) => anthropic.messages.create({ model: 'c', max_tokens: 5, messages: [{ role: 'user', content: it }] })));", // 9
        '}',
      ),
      'src/groq.ts': lines(
        "import Groq from 'groq-sdk';",
        'const groq = new Groq();',
        'export async function label(texts: string[]) {',
        "  for (const t of texts) await groq.chat.completions.create({ model: 'llama', messages: [{ role: 'user', content: t }] });", // 4
        '}',
      ),
      'go.mod': lines('module app', '', 'go 1.22'),
      'llm/llm.go': lines(
        'package llm',
        '',
        'import (',
        '\t"context"',
        '',
        '\topenai "github.com/sashabaranov/go-openai"',
        ')',
        '',
        'func Label(ctx context.Context, c *openai.Client, texts []string) error {',
        '\tfor _, t := range texts {',
        '\t\tif _, err := c.CreateChatCompletion(ctx, openai.ChatCompletionRequest{Model: "gpt-4o", Messages: []openai.ChatCompletionMessage{{Content: t}}}); err != nil {', // 11
        '\t\t\treturn err',
        '\t\t}',
        '\t}',
        '\treturn nil',
        '}',
      ),
    });
    const rows = hazardRows(f).filter((r) => r.startsWith('call-in-loop'));
    assert.deepEqual(rows, [
      'call-in-loop app/chat.py:7:9 claude.messages.create [for sequential] → -',
      'call-in-loop app/summarize.py:12:13 client.chat.completions.create [for sequential] → -',
      'call-in-loop app/summarize.py:17:19 aclient.embeddings.create [comprehension sequential] → -',
      'call-in-loop app/summarize.py:21:9 claude.messages.create [for sequential] → -',
      'call-in-loop app/summarize.py:25:9 openai.ChatCompletion.create [for sequential] → -',
      'call-in-loop llm/llm.go:11:16 c.CreateChatCompletion [for sequential] → -',
      'call-in-loop src/groq.ts:4:32 groq.chat.completions.create [for…of sequential] → -',
      'call-in-loop src/llm.ts:10:11 openai.chat.completions.create [for…of sequential] → -',
      'call-in-loop src/llm.ts:11:11 oai.responses.create [for…of sequential] → -',
      'call-in-loop src/llm.ts:13:39 anthropic.messages.create [.map() parallel] → -',
    ]);
  });
});
