// Writes the CVSS 4.0 scores of FIRST's reference calculator, for Cvss4ReferenceTest.
// Run from the repository root with Node 20: node src/test/node/cvss4-expected.js
// It loads the reference's own file, unchanged, from
// src/test/resources/cvss/first-cvss-v4-calculator/cvss40.js (see the README there) and writes
//   src/test/resources/cvss/cvss4-base-expected.txt.gz    every base vector, one score a line,
//                                                        in the order of enumerate() below
//   src/test/resources/cvss/cvss4-random-expected.tsv.gz  seeded random vectors with threat,
//                                                        environmental and supplemental metrics:
//                                                        vector TAB score
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const here = path.join(__dirname, '..', 'resources', 'cvss');
const { CVSS40, Vector } = require(path.join(here, 'first-cvss-v4-calculator', 'cvss40.js'));

// the base metrics and their values in the order the enumeration (and the Java test) uses
const BASE = [
  ['AV', 'N', 'A', 'L', 'P'], ['AC', 'L', 'H'], ['AT', 'N', 'P'], ['PR', 'N', 'L', 'H'], ['UI', 'N', 'P', 'A'],
  ['VC', 'H', 'L', 'N'], ['VI', 'H', 'L', 'N'], ['VA', 'H', 'L', 'N'],
  ['SC', 'H', 'L', 'N'], ['SI', 'H', 'L', 'N'], ['SA', 'H', 'L', 'N'],
];
// the others and their values as the reference knows them, in the specification's order
const OPTIONAL = Object.assign({}, Vector.METRICS.THREAT, Vector.METRICS.ENVIRONMENTAL, Vector.METRICS.SUPPLEMENTAL);

function score(vector) {
  return new CVSS40(vector).score;
}

// every base vector, the last metric varying fastest
function enumerate(visit) {
  (function level(i, prefix) {
    if (i === BASE.length) {
      visit(prefix);
      return;
    }
    for (const value of BASE[i].slice(1)) {
      level(i + 1, prefix + '/' + BASE[i][0] + ':' + value);
    }
  })(0, 'CVSS:4.0');
}

// mulberry32: a small seeded generator, so the set is the same on every run
function random(seed) {
  return function () {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const base = [];
enumerate((vector) => base.push(String(score(vector))));
fs.writeFileSync(path.join(here, 'cvss4-base-expected.txt.gz'), zlib.gzipSync(base.join('\n') + '\n', { level: 9 }));

// each optional metric present with probability 0.6, X (not defined) among its values
const next = random(20241101);
const pick = (list) => list[Math.floor(next() * list.length)];
const lines = [];
for (let i = 0; i < 10000; i++) {
  let vector = 'CVSS:4.0';
  for (const [metric, ...values] of BASE) {
    vector += '/' + metric + ':' + pick(values);
  }
  for (const [metric, values] of Object.entries(OPTIONAL)) {
    if (next() < 0.6) {
      vector += '/' + metric + ':' + pick(values);
    }
  }
  lines.push(vector + '\t' + score(vector));
}
fs.writeFileSync(path.join(here, 'cvss4-random-expected.tsv.gz'), zlib.gzipSync(lines.join('\n') + '\n', { level: 9 }));
console.log(base.length + ' base vectors, ' + lines.length + ' random vectors');
