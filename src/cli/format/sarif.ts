import type { RecipeProblem } from '../../core/model/environment';
import type { Range } from '../../core/model/location';
import { docsUrl, WARNING_CODES } from '../../core/insights/warningCodes';
import type { Warning, WarningCode } from '../../core/insights/warning';
import { VERSION } from '../version';

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

/** SARIF 2.1.0, as GitHub code scanning reads it: one run, one rule per warning code, 1-based regions. */
export function warningsSarif(warnings: Warning[], problems: RecipeProblem[]): string {
  const codes = Object.keys(WARNING_CODES) as WarningCode[];
  const rules: { id: string; name: string; shortDescription: { text: string }; fullDescription: { text: string }; helpUri: string; defaultConfiguration: { level: string } }[] = codes.map((id) => ({
    id,
    name: WARNING_CODES[id].title.replace(/[^A-Za-z]+/g, ''),
    shortDescription: { text: WARNING_CODES[id].title },
    fullDescription: { text: WARNING_CODES[id].summary },
    helpUri: docsUrl(id),
    defaultConfiguration: { level: 'warning' },
  }));
  rules.push({
    id: 'recipe-error',
    name: 'RecipeError',
    shortDescription: { text: 'Recipe that cannot be read' },
    fullDescription: { text: 'An environment recipe could not be parsed, so its capacity is unknown.' },
    helpUri: docsUrl('capacity-pressure'),
    defaultConfiguration: { level: 'error' },
  });
  const results = [
    ...warnings.map((w) => ({
      ruleId: w.code,
      ruleIndex: codes.indexOf(w.code),
      level: LEVEL[w.severity],
      message: { text: w.message },
      locations: [location(w.file, w.range)],
      relatedLocations: w.related.map((r, i) => ({ id: i + 1, ...location(r.location.file, r.location.range), message: { text: r.message } })),
      partialFingerprints: { opsLensRoute: `${w.code}:${w.service ?? ''}:${w.route ?? ''}` },
      properties: { service: w.service ?? null, route: w.route, evidence: w.evidence },
    })),
    ...problems.map((p) => ({
      ruleId: 'recipe-error',
      ruleIndex: rules.length - 1,
      level: 'error' as const,
      message: { text: p.message },
      locations: [location(p.location.file, p.location.range)],
    })),
  ];
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'Ops Lens', informationUri: 'https://github.com/ops-lens/ops-lens', version: VERSION, rules } },
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The analysed folder' } } },
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

function location(file: string, range: Range) {
  return {
    physicalLocation: {
      artifactLocation: { uri: file, uriBaseId: '%SRCROOT%' },
      region: {
        startLine: range.start.line + 1,
        startColumn: range.start.character + 1,
        endLine: range.end.line + 1,
        endColumn: range.end.character + 1,
      },
    },
  };
}
