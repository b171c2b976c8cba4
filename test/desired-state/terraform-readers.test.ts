import { describe, expect, it } from 'vitest';
import { parseDeclaredDocument } from '../../src/desired-state/load-desired-state.js';
import { InputError } from '../../src/io/input-error.js';

const SET_ARN = 'arn:aws:sso:::permissionSet/ssoins-1/ps-a';
const assignmentAttrs = (target: string) => ({
  permission_set_arn: SET_ARN,
  principal_id: 'g-1',
  principal_type: 'GROUP',
  target_id: target,
  target_type: 'AWS_ACCOUNT',
  instance_arn: 'arn:aws:sso:::instance/ssoins-1',
  some_future_attribute: { ignored: true },
});

const state = (resources: unknown[]) =>
  JSON.stringify({ version: 4, terraform_version: '1.9.8', serial: 3, lineage: 'x', resources });

describe('Terraform state (format version 4)', () => {
  it('reads modules and for_each/count instances, ignores data sources and unknown types', () => {
    const doc = parseDeclaredDocument(
      'state.tfstate',
      state([
        { mode: 'data', type: 'aws_ssoadmin_instances', name: 'this', instances: [{ attributes: {} }] },
        {
          mode: 'managed',
          type: 'aws_s3_bucket',
          name: 'logs',
          instances: [{ attributes: { bucket: 'b' } }],
        },
        {
          module: 'module.sso["prod"]',
          mode: 'managed',
          type: 'aws_ssoadmin_permission_set',
          name: 'this',
          instances: [
            {
              index_key: 'Admin',
              attributes: { arn: SET_ARN, name: 'Admin', session_duration: 'PT2H', description: '' },
            },
          ],
        },
        {
          module: 'module.sso["prod"]',
          mode: 'managed',
          type: 'aws_ssoadmin_account_assignment',
          name: 'this',
          instances: [
            { index_key: 0, attributes: assignmentAttrs('111111111111') },
            { index_key: 1, attributes: assignmentAttrs('222222222222') },
          ],
        },
        {
          mode: 'managed',
          type: 'aws_ssoadmin_managed_policy_attachment',
          name: 'admin',
          instances: [
            {
              attributes: {
                permission_set_arn: SET_ARN,
                managed_policy_arn: 'arn:aws:iam::aws:policy/AdministratorAccess',
              },
            },
          ],
        },
        {
          mode: 'managed',
          type: 'aws_ssoadmin_permissions_boundary_attachment',
          name: 'b',
          instances: [
            {
              attributes: {
                permission_set_arn: SET_ARN,
                permissions_boundary: [
                  {
                    managed_policy_arn: '',
                    customer_managed_policy_reference: [{ name: 'Limit', path: '' }],
                  },
                ],
              },
            },
          ],
        },
      ]),
    );
    expect(doc.format).toBe('terraform-state');
    expect(doc.permissionSets).toEqual([
      {
        source: {
          file: 'state.tfstate',
          entry: 'module.sso["prod"].aws_ssoadmin_permission_set.this["Admin"]',
        },
        arn: SET_ARN,
        name: 'Admin',
        description: null,
        sessionDuration: 'PT2H',
        managedPolicyArns: ['arn:aws:iam::aws:policy/AdministratorAccess'],
        customerManagedPolicies: [],
        inlinePolicy: null,
        permissionsBoundary: { managedPolicyArn: null, customerManagedPolicy: { name: 'Limit', path: '/' } },
      },
    ]);
    expect(doc.assignments.map((a) => [a.source.entry, a.targets])).toEqual([
      [
        'module.sso["prod"].aws_ssoadmin_account_assignment.this[0]',
        [{ kind: 'account-id', value: '111111111111' }],
      ],
      [
        'module.sso["prod"].aws_ssoadmin_account_assignment.this[1]',
        [{ kind: 'account-id', value: '222222222222' }],
      ],
    ]);
  });

  it('an attachment to a set made elsewhere declares only that field', () => {
    const doc = parseDeclaredDocument(
      's.json',
      state([
        {
          mode: 'managed',
          type: 'aws_ssoadmin_permission_set_inline_policy',
          name: 'p',
          instances: [
            {
              attributes: {
                permission_set_arn: SET_ARN,
                inline_policy: '{"Statement":{"Effect":"Deny","Action":"*","Resource":"*"}}',
              },
            },
          ],
        },
      ]),
    );
    expect(doc.permissionSets).toEqual([
      {
        source: { file: 's.json', entry: 'aws_ssoadmin_permission_set_inline_policy.p' },
        arn: SET_ARN,
        name: null,
        inlinePolicy: { Statement: { Effect: 'Deny', Action: '*', Resource: '*' } },
      },
    ]);
  });

  it('reads `terraform show -json` with nested child modules', () => {
    const show = {
      format_version: '1.0',
      terraform_version: '1.9.8',
      values: {
        root_module: {
          resources: [],
          child_modules: [
            {
              address: 'module.a',
              child_modules: [
                {
                  address: 'module.a.module.b',
                  resources: [
                    {
                      address: 'module.a.module.b.aws_identitystore_group.g["x"]',
                      mode: 'managed',
                      type: 'aws_identitystore_group',
                      name: 'g',
                      index: 'x',
                      values: { group_id: 'g-1', display_name: 'x', description: null },
                    },
                  ],
                },
              ],
            },
          ],
        },
      },
    };
    const doc = parseDeclaredDocument('show.json', JSON.stringify(show));
    expect(doc.format).toBe('terraform-show-json');
    expect(doc.groups).toEqual([
      {
        source: { file: 'show.json', entry: 'module.a.module.b.aws_identitystore_group.g["x"]' },
        group: { id: 'g-1' },
        displayName: 'x',
        description: null,
      },
    ]);
    expect(parseDeclaredDocument('empty.json', '{"format_version":"1.0"}').permissionSets).toEqual([]);
  });

  const bad: Array<[string, string, string]> = [
    ['not JSON', '{"version": 4,', 'bad.tfstate: not valid JSON'],
    [
      'state format 3',
      '{"version":3,"serial":1,"modules":[]}',
      'bad.tfstate: version: Terraform state format 3 is not supported',
    ],
    ['resources not a list', '{"version":4,"lineage":"x","resources":{}}', 'bad.tfstate: resources: '],
    [
      'an assignment without principal_id',
      state([
        {
          mode: 'managed',
          type: 'aws_ssoadmin_account_assignment',
          name: 'a',
          instances: [{ index_key: 'k', attributes: { ...assignmentAttrs('1'), principal_id: undefined } }],
        },
      ]),
      'bad.tfstate: aws_ssoadmin_account_assignment.a["k"]: principal_id: ',
    ],
    [
      'inline policy that is not JSON',
      state([
        {
          mode: 'managed',
          type: 'aws_ssoadmin_permission_set_inline_policy',
          name: 'p',
          instances: [{ attributes: { permission_set_arn: SET_ARN, inline_policy: '{' } }],
        },
      ]),
      'bad.tfstate: aws_ssoadmin_permission_set_inline_policy.p: inline_policy: not valid JSON',
    ],
    ['a plan', '{"format_version":"1.2","planned_values":{}}', 'bad.tfstate: this is a plan'],
    ['something else', '{"hello":"world"}', 'bad.tfstate: not a desired state: expected a Terraform state'],
    ['empty', '  \n', 'bad.tfstate: empty file'],
  ];
  for (const [name, text, message] of bad) {
    it(`${name}: one line naming the file`, () => {
      let error: unknown;
      try {
        parseDeclaredDocument('bad.tfstate', text);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(InputError);
      expect((error as Error).message).toContain(message);
      expect((error as Error).message).not.toContain('\n');
    });
  }
});
