// Checks every CSAF document the advisory tests wrote to a folder with BSI's csaf-validator-lib:
// the strict CSAF 2.0 schema and every mandatory test of section 6.1. Exits 1 on any error, so the
// build fails on a document that a consumer's validator would refuse.
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import validateStrict from '@secvisogram/csaf-validator-lib/validateStrict.js'
import { csaf_2_0_strict } from '@secvisogram/csaf-validator-lib/schemaTests.js'
import * as mandatory from '@secvisogram/csaf-validator-lib/mandatoryTests.js'

const folder = process.argv[2]
const tests = [csaf_2_0_strict, ...Object.values(mandatory)]

const files = await readdir(folder).catch((error) => {
  if (error.code === 'ENOENT') return []
  throw error
})
const documents = files.filter((file) => file.endsWith('.json')).sort()
if (documents.length === 0) {
  // A build that ran no advisory test (e.g. -DskipTests or another -Dtest) wrote no document.
  console.log(`csaf-validator-lib: no CSAF document in ${folder}`)
  process.exit(0)
}

let failed = 0
for (const file of documents) {
  const document = JSON.parse(await readFile(join(folder, file), 'utf8'))
  const result = await validateStrict(tests, document)
  if (!result.isValid) {
    failed++
    console.error(`${file} (${document.document?.tracking?.id}): refused by csaf-validator-lib`)
    for (const test of result.tests.filter((test) => !test.isValid)) {
      for (const error of test.errors) {
        console.error(`  ${test.name} ${error.instancePath || '/'}: ${error.message}`)
      }
    }
  }
}
console.log(
  `csaf-validator-lib: ${documents.length - failed} of ${documents.length} CSAF documents pass ` +
    `the strict schema and ${Object.keys(mandatory).length} mandatory tests`)
process.exit(failed === 0 ? 0 : 1)
