import type { FileStructure } from '../fileStructure';
import type { RouteCollector } from './routeCollector';

/** Where Gradio (5 and later) queues every event a page sends; its handlers run behind it. */
const GRADIO_QUEUE = '/gradio_api/queue/join';
/** A Gradio app: `demo = gr.Blocks()` / `with gr.Blocks() as demo:`, `gr.Interface(fn, …)`, `gr.ChatInterface(fn)`. */
const GRADIO_APP = /\b(?:gr|gradio)\.(?:Blocks|Interface|ChatInterface|TabbedInterface)\s*\(/;
/** Event listeners of Gradio components, whose first argument is the handler (`textbox.submit(respond, …)`). */
const GRADIO_EVENTS = new Set(['click', 'submit', 'change', 'input', 'select', 'upload', 'release', 'blur', 'focus', 'like', 'retry', 'then', 'success', 'load']);

/**
 * `demo.launch()` of a Gradio app, or `gr.mount_gradio_app(app, demo, path="/ui")` on a FastAPI app: the queue route
 * every event of the page goes through (what a metrics middleware of the app reports).
 */
export function gradioEndpoints(c: RouteCollector): void {
  const s = c.s;
  if (!s.mentions('gradio') || !GRADIO_APP.test(s.text)) return;
  for (const [i, call] of s.calls) {
    const last = call.chain[call.chain.length - 1];
    let prefix: string | undefined;
    if (last === 'launch' && call.chain.length >= 2 && call.chain[0] !== 'gr' && call.chain[0] !== 'gradio') prefix = '';
    else if (last === 'mount_gradio_app') prefix = /\bpath\s*=\s*['"](\/[^'"]*)['"]/.exec(s.argumentsText(call))?.[1]?.replace(/\/$/, '');
    if (prefix === undefined) continue;
    c.add({ method: 'POST', path: prefix + GRADIO_QUEUE, framework: 'gradio', declaration: s.rangeOf(i), at: i, mountable: false, runs: 'gradio' });
  }
}

/** The functions of the file a Gradio app calls on events: listeners' first argument, `Interface(fn)`/`ChatInterface(fn)`. */
export function gradioHandlers(s: FileStructure): number[] {
  if (!s.mentions('gradio') || !GRADIO_APP.test(s.text)) return [];
  const out: number[] = [];
  for (const [, call] of s.calls) {
    const chain = call.chain;
    const last = chain[chain.length - 1];
    const app = (chain[0] === 'gr' || chain[0] === 'gradio') && (last === 'Interface' || last === 'ChatInterface');
    if (!app && !(chain.length >= 2 && GRADIO_EVENTS.has(last) && chain[0] !== 'gr')) continue;
    const args = s.argumentsOf(call);
    const fn = args.find((a) => a.type === 'keyword_argument' && a.childForFieldName('name')?.text === 'fn')?.childForFieldName('value') ?? (args[0]?.type !== 'keyword_argument' ? args[0] : undefined);
    // `respond`, `self.chat_with_agent`: a function or method of this file, by its name.
    const name = fn?.type === 'identifier' ? fn.text : fn?.type === 'attribute' && /^self\.\w+$/.test(fn.text) ? fn.text.slice(5) : undefined;
    if (!name) continue;
    for (const info of s.functions) if (info.name === name) out.push(info.index);
  }
  return out;
}
