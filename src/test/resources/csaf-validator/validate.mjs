// Runs the BSI's csaf-validator-lib on CSAF 2.0 documents: the strict schema test and every
// mandatory test (CSAF 2.0, section 6.1), and the optional test 6.2.11 (canonical URL), whose
// warnings do not make a document invalid. Arguments: the documents' files. Prints one JSON
// object: per file, whether it is valid, how many tests ran, and the tests that failed with
// their errors, and the tests that warned. Used by advisory/CsafValidatorLibTest, from target/csaf-validator.
import { readFileSync } from 'node:fs'
import validate from '@secvisogram/csaf-validator-lib/validate.js'
import * as mandatory from '@secvisogram/csaf-validator-lib/mandatoryTests.js'
import { csaf_2_0_strict } from '@secvisogram/csaf-validator-lib/schemaTests.js'
import { optionalTest_6_2_11 } from '@secvisogram/csaf-validator-lib/optionalTests.js'

const tests = [csaf_2_0_strict, ...Object.values(mandatory), optionalTest_6_2_11]
const results = {}
for (const file of process.argv.slice(2)) {
  const result = await validate(tests, JSON.parse(readFileSync(file, 'utf8')))
  results[file] = {
    isValid: result.isValid,
    tests: result.tests.map((test) => test.name),
    failed: result.tests.filter((test) => !test.isValid).map((test) => ({ name: test.name, errors: test.errors })),
    warned: result.tests.filter((test) => test.warnings?.length).map((test) => test.name),
  }
}
process.stdout.write(JSON.stringify(results))
