import assert from 'node:assert/strict';
import { joined, lines } from './fixtureWorkspace';

/**
 * openfga's passfile: a Go variable kept, then given a default in its empty branch after other statements
 * (`if len(fileLocation) == 0 { homeDir, err := p.GetHomeDir(); if err != nil {…}; fileLocation = filepath.Join(…) }`),
 * has a fallback as one assigned first in the branch has. Not one assigned only in a block inside the branch, nor
 * one whose branch stops at its own level, nor one whose branch declares a namesake or sets another variable.
 */
describe('env reads: a Go default given after other statements of the empty branch (openfga)', () => {
  it('assigned at the branch level after an error check has a fallback; nested, shadowed or stopping do not', async () => {
    const f = await joined({
      'main.go': lines(
        'package main',
        '',
        'import (',
        '\t"log"',
        '\t"os"',
        '\t"path/filepath"',
        ')',
        '',
        'func passfile(p *Provider) (string, error) {',
        '\tfileLocation := os.Getenv("PGPASSFILE")', // 10
        '\tif len(fileLocation) == 0 {',
        '\t\thomeDir, err := p.GetHomeDir()',
        '\t\tif err != nil {',
        '\t\t\treturn "", err',
        '\t\t}',
        '\t\tfileLocation = filepath.Join(homeDir, ".pgpass")',
        '\t}',
        '\treturn fileLocation, nil',
        '}',
        '',
        'func cacheDir() string {',
        '\tdir := os.Getenv("CACHE_DIR")', // 22
        '\tif dir == "" {',
        '\t\thome, _ := os.UserHomeDir()',
        '\t\tdir = filepath.Join(home, ".cache")',
        '\t}',
        '\treturn dir',
        '}',
        '',
        'func others(dev bool) {',
        '\tnested := os.Getenv("NESTED_DIR")', // 31
        '\tif nested == "" {',
        '\t\tlog.Println("NESTED_DIR unset")',
        '\t\tif dev {',
        '\t\t\tnested = "/tmp"',
        '\t\t}',
        '\t}',
        '\tuse(nested)',
        '\tkey := os.Getenv("SIGNING_KEY")', // 39
        '\tif key == "" {',
        '\t\tlog.Println("SIGNING_KEY is required")',
        '\t\tos.Exit(1)',
        '\t\tkey = "unreachable"',
        '\t}',
        '\tuse(key)',
        '\tshadow := os.Getenv("SHADOW_DIR")', // 46
        '\tif shadow == "" {',
        '\t\tlog.Println("SHADOW_DIR unset")',
        '\t\tshadow := "/tmp"',
        '\t\tuse(shadow)',
        '\t}',
        '\tuse(shadow)',
        '\tregion := os.Getenv("REGION")', // 53
        '\tif len(region) == 0 {',
        '\t\tlog.Println("REGION unset")',
        '\t\tcfg.region = "eu"',
        '\t\tok := region == "eu"',
        '\t\tuse(ok)',
        '\t}',
        '\tuse(region)',
        '}',
      ),
    });
    assert.deepEqual(
      f.get('main.go')!.envReads!.map((r) => `${r.range.start.line + 1} ${r.name} ${r.hasDefault}`),
      ['10 PGPASSFILE true', '22 CACHE_DIR true', '31 NESTED_DIR false', '39 SIGNING_KEY false', '46 SHADOW_DIR false', '53 REGION false'],
    );
  });
});
