import { parse } from '@cdktf/hcl2json';
import { describe, expect, it } from 'vitest';
import { block, quote, ref, renderFile, tfName } from '../../src/migration-kit/terraform/hcl.js';
import { jsonAsHcl } from '../../src/migration-kit/terraform/identity-center-tf.js';

/** An IAM policy variable, the text `${aws:username}` (built so it is not read as a template slip). */
const AWS_USERNAME = ['$', '{aws:username}'].join('');

describe('HCL writer', () => {
  it('quotes strings so an HCL parser reads them back unchanged, ${ and %{ included', async () => {
    const tricky = `a "quoted" back\\slash\nnew line ${AWS_USERNAME} %{if}`;
    const text = renderFile(
      ['header'],
      [
        block(
          'locals',
          [],
          [
            ['value', tricky],
            ['list', ['x', ref('local.value')]],
            ['object', { 'aws:Key': 'v', plain: 1, flag: true }],
          ],
        ),
      ],
    );
    const parsed = (await parse('t.tf', text)) as { locals: Array<Record<string, unknown>> };
    // hcl2json shows literal ${ as $${ (still escaped), which is how Terraform stores a literal.
    expect(parsed.locals[0]!.value).toBe(tricky.replace('${', () => '$${').replace('%{', () => '%%{'));
    expect(parsed.locals[0]!.object).toEqual({ 'aws:Key': 'v', plain: 1, flag: true });
    expect(quote('x')).toBe('"x"');
  });

  it('writes policy documents with IAM variables as jsonencode objects Terraform parses', async () => {
    const policy = {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: `arn:aws:s3:::home/${AWS_USERNAME}/*` }],
    };
    const text = renderFile([], [block('locals', [], [['policy', ref(`jsonencode(${jsonAsHcl(policy)})`)]])]);
    const parsed = (await parse('p.tf', text)) as { locals: Array<{ policy: string }> };
    expect(parsed.locals[0]!.policy).toContain('home/$${aws:username}/*');
    expect(parsed.locals[0]!.policy).toMatch(/^\$\{jsonencode\(/);
  });

  it('makes stable Terraform identifiers from any name', () => {
    expect(tfName('AdministratorAccess')).toBe('administrator_access');
    expect(tfName('aws-admins', 'ReadOnlyAccess', '100000000001')).toBe(
      'aws_admins_read_only_access_100000000001',
    );
    expect(tfName('grace@example.com')).toBe('grace_example_com');
    expect(tfName('123')).toBe('n_123');
  });
});
