// Runs the BSI's csaf-validator-lib on CSAF 2.0 documents: the strict schema test and every
// mandatory test (CSAF 2.0, section 6.1). Arguments: the documents' files. Prints one JSON
// object: per file, whether it is valid, how many tests ran, and the tests that failed with
// their errors. Used by advisory/CsafValidatorLibTest, from target/csaf-validator.
import { readFileSync } from 'node:fs'
import validate from '@secvisogram/csaf-validator-lib/validate.js'
import * as mandatory from '@secvisogram/csaf-validator-lib/mandatoryTests.js'
import { csaf_2_0_strict } from '@secvisogram/csaf-validator-lib/schemaTests.js'

const tests = [csaf_2_0_strict, ...Object.values(mandatory)]
const results = {}
for (const file of process.argv.slice(2)) {
  const result = await validate(tests, JSON.parse(readFileSync(file, 'utf8')))
  results[file] = {
    isValid: result.isValid,
    tests: result.tests.map((test) => test.name),
    failed: result.tests.filter((test) => !test.isValid).map((test) => ({ name: test.name, errors: test.errors })),
  }
}
process.stdout.write(JSON.stringify(results))
