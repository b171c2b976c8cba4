// Regenerates fixtures/desired-state/ (terraform.tfstate, terraform-show.json, desired-state.yaml) and
// schemas/desired-state.schema.json; test/drift/demo-desired-state.test.ts fails when they are stale.
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { demoDesiredYaml, demoTerraformShow } from '../fixtures/desired-state/write-other-forms.js';
import { demoTerraformState } from '../fixtures/desired-state/write-terraform-state.js';
import { desiredStateJsonSchema } from '../src/desired-state/keysweep-desired-schema.js';

const at = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));

export const DESIRED_STATE_FILES = {
  tfstate: at('fixtures/desired-state/terraform.tfstate'),
  showJson: at('fixtures/desired-state/terraform-show.json'),
  yaml: at('fixtures/desired-state/desired-state.yaml'),
  schema: at('schemas/desired-state.schema.json'),
};

export function renderDesiredStateFiles(): Record<keyof typeof DESIRED_STATE_FILES, string> {
  return {
    // Terraform writes state with two-space indentation and a trailing newline.
    tfstate: `${JSON.stringify(demoTerraformState(), null, 2)}\n`,
    showJson: `${JSON.stringify(demoTerraformShow())}\n`,
    yaml: demoDesiredYaml(),
    schema: `${JSON.stringify(desiredStateJsonSchema(), null, 2)}\n`,
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const rendered = renderDesiredStateFiles();
  for (const [key, path] of Object.entries(DESIRED_STATE_FILES)) {
    await writeFile(path, rendered[key as keyof typeof DESIRED_STATE_FILES]);
    console.log(`wrote ${path}`);
  }
}
