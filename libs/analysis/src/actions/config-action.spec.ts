import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { FunctionProfile } from '../inputs';
import { lambdaProfile } from '../testing/fleet.generator';
import {
  containersAction,
  keepAliveAction,
  memoryAction,
  timeoutAction,
  tuningJobAction,
  warmCapacityAction,
} from './config-action';

/**
 * Runs snippet text as a user pasting it would, in a real shell with `aws` and `npx` replaced by
 * functions that record their arguments, in an empty directory that a command substitution would
 * leave a file in. `<…>` placeholders are filled in first, as the user does.
 */
function paste(
  text: string,
  shell: 'bash' | 'dash' = 'bash',
): { commands: string[][]; stderr: string } {
  const dir = mkdtempSync(join(tmpdir(), 'fleetscope-paste-'));
  try {
    const script = [
      `aws() { printf 'CMD\\0aws\\0'; printf '%s\\0' "$@"; }`,
      `npx() { printf 'CMD\\0npx\\0'; printf '%s\\0' "$@"; }`,
      text.replace(/<(alias|rule-arn|function-arn|target-group)>/g, 'PLACEHOLDER'),
    ].join('\n');
    let stderr = '';
    let stdout: string;
    try {
      stdout = execFileSync(shell, [...(shell === 'bash' ? ['--norc'] : []), '-c', script], {
        cwd: dir,
        encoding: 'utf8',
        env: { PATH: process.env.PATH, LC_ALL: 'C.UTF-8' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    } catch (e) {
      const failed = e as { stdout: string; stderr: string };
      stdout = failed.stdout;
      stderr = failed.stderr;
    }
    expect(readdirSync(dir)).toEqual([]);
    const commands: string[][] = [];
    for (const arg of stdout.split('\0').slice(0, -1)) {
      if (arg === 'CMD') commands.push([]);
      else commands[commands.length - 1].push(arg);
    }
    return { commands, stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The argument after `flag` in a recorded command. */
function flag(command: string[], name: string): string {
  const i = command.indexOf(name);
  expect(i).toBeGreaterThanOrEqual(0);
  return command[i + 1];
}

function awsCli(action: { snippets: { format: string; text: string }[] }): string {
  const snippet = action.snippets.find((s) => s.format === 'aws-cli');
  if (!snippet) throw new Error('no aws-cli snippet');
  return snippet.text;
}

const HOSTILE_NAMES = [
  // The reviewer's: a command substitution and a single quote.
  "a$(touch x);b'c",
  // A newline ends a command unless it is inside quotes.
  'orders\n$(touch y)',
  'back`touch z`\\slash "dq" $HOME * ~root',
  // Pasted into a terminal: ends bracketed paste, erases the line (Ctrl-U), Enter.
  "\x1b[201~\x15touch w\r'",
  // A bidi override: the page would show the name reversed.
  'pay\u202Emoc.exe',
];

describe('config-action snippets', () => {
  const profile = (name: string): FunctionProfile =>
    lambdaProfile({ name, region: "eu-west-1$(touch r)'" });

  it.each(HOSTILE_NAMES)(
    'memory, timeout and provisioned concurrency pass %j as exactly one argument and run nothing else',
    (name) => {
      const p = profile(name);
      const texts = [
        awsCli(memoryAction(p, 512)),
        awsCli(timeoutAction(p, 9000)),
        awsCli(warmCapacityAction(p, 3)),
        awsCli(warmCapacityAction(p, 0)),
      ];
      for (const text of texts) {
        expect(text.split('\n')).toHaveLength(1);
        const { commands, stderr } = paste(text);
        expect(stderr).toBe('');
        expect(commands).toHaveLength(1);
        expect(flag(commands[0], '--function-name')).toBe(name);
        expect(flag(commands[0], '--region')).toBe("eu-west-1$(touch r)'");
      }
    },
  );

  it.each(HOSTILE_NAMES)(
    'the provisioned concurrency schedule names %j whole in each resource id',
    (name) => {
      const text = awsCli(
        warmCapacityAction(lambdaProfile({ name, region: '' }), 5, {
          readable: 'weekdays',
          otherwise: 0,
          entries: [
            {
              text: 'Mon–Fri',
              level: 5,
              startCron: 'cron(0 8 ? * MON-FRI *)',
              endCron: 'cron(0 18 ? * MON-FRI *)',
            },
          ],
        }),
      );
      expect(text.split('\n')).toHaveLength(2);
      const { commands, stderr } = paste(text);
      expect(stderr).toBe('');
      expect(commands.map((c) => flag(c, '--resource-id'))).toEqual([
        `function:${name}:PLACEHOLDER`,
        `function:${name}:PLACEHOLDER`,
      ]);
      expect(commands.map((c) => flag(c, '--schedule'))).toEqual([
        'cron(0 8 ? * MON-FRI *)',
        'cron(0 18 ? * MON-FRI *)',
      ]);
    },
  );

  it.each(HOSTILE_NAMES)(
    'the keep-warm ping names %j whole as function, rule and statement id, in three commands',
    (name) => {
      const text = awsCli(keepAliveAction(profile(name), { pingSchedule: 'rate(5 minutes)' }));
      expect(text.split('\n')).toHaveLength(3);
      const { commands, stderr } = paste(text);
      expect(stderr).toBe('');
      expect(commands.map((c) => c.slice(0, 3))).toEqual([
        ['aws', 'events', 'put-rule'],
        ['aws', 'lambda', 'add-permission'],
        ['aws', 'events', 'put-targets'],
      ]);
      const rule = `${name}-keep-warm`;
      expect(flag(commands[0], '--name')).toBe(rule);
      expect(flag(commands[0], '--schedule-expression')).toBe('rate(5 minutes)');
      expect(flag(commands[1], '--function-name')).toBe(name);
      expect(flag(commands[1], '--statement-id')).toBe(rule);
      expect(flag(commands[2], '--rule')).toBe(rule);
      for (const c of commands) expect(flag(c, '--region')).toBe("eu-west-1$(touch r)'");
    },
  );

  it.each(HOSTILE_NAMES)(
    'the container service names %j whole, and in JSON the CLI reads back',
    (name) => {
      const text = awsCli(
        containersAction(profile(name), 'fargate', { min: 2, vcpu: 1, memoryGb: 2 }),
      );
      const { commands, stderr } = paste(text);
      expect(stderr).toBe('');
      expect(commands).toHaveLength(1);
      expect(flag(commands[0], '--service-name')).toBe(name);
      expect(flag(commands[0], '--task-definition')).toBe(name);
      expect(JSON.parse(flag(commands[0], '--load-balancers'))).toEqual([
        { targetGroupArn: 'PLACEHOLDER', containerName: name, containerPort: 8080 },
      ]);
    },
  );

  it('the tuning job note passes a function id with quotes and parentheses as one argument', () => {
    const functionId = "aws_lambda~123456789012~eu-west-1~it's(1)*";
    const text = tuningJobAction(lambdaProfile({ functionId }), [512, 1024]).snippets[0].text;
    const { commands, stderr } = paste(text);
    expect(stderr).toBe('');
    expect(commands).toEqual([['npx', 'fleetscope', 'tune', functionId, '--memory', '512,1024']]);
  });

  it.each(HOSTILE_NAMES)(
    "dash, which has no $'…', runs nothing of %j either, and reads a printable one whole",
    (name) => {
      const text = awsCli(keepAliveAction(profile(name), { pingSchedule: 'rate(5 minutes)' }));
      const { commands, stderr } = paste(text, 'dash');
      expect(stderr).toBe('');
      expect(commands.map((c) => c.length)).toEqual([9, 15, 9]);
      if (!/[\p{Cc}\p{Cf}]/u.test(name)) expect(flag(commands[1], '--function-name')).toBe(name);
    },
  );

  it.each([
    ...HOSTILE_NAMES,
    'fn:\n    image: evil/miner:latest\n  other',
    'on',
    '123',
    '"quoted"',
  ])('the OpenFaaS stack.yml names %j as its one function', (name) => {
    const text = memoryAction({ ...profile(name), platform: 'openfaas' }, 256).snippets[0].text;
    for (const version of ['1.1', '1.2'] as const) {
      const doc = parse(text, { version }) as { functions: Record<string, unknown> };
      expect(Object.keys(doc.functions)).toEqual([name]);
      expect(doc.functions[name]).toEqual({
        limits: { memory: '256Mi' },
        requests: { memory: '256Mi' },
      });
    }
  });

  it('ordinary names read as before: unquoted', () => {
    const p = lambdaProfile({ name: 'checkout', region: 'eu-west-1' });
    expect(awsCli(memoryAction(p, 512))).toBe(
      'aws lambda update-function-configuration --function-name checkout --region eu-west-1 --memory-size 512',
    );
    expect(awsCli(keepAliveAction(p, { pingSchedule: 'rate(5 minutes)' }))).toBe(
      [
        'aws events put-rule --region eu-west-1 --name checkout-keep-warm --schedule-expression "rate(5 minutes)"',
        'aws lambda add-permission --region eu-west-1 --function-name checkout --statement-id checkout-keep-warm --action lambda:InvokeFunction --principal events.amazonaws.com --source-arn <rule-arn>',
        'aws events put-targets --region eu-west-1 --rule checkout-keep-warm --targets Id=1,Arn=<function-arn>',
      ].join('\n'),
    );
    expect(awsCli(containersAction(p, 'fargate-spot', { min: 1, vcpu: 1, memoryGb: 2 }))).toBe(
      'aws ecs create-service --service-name checkout --task-definition checkout --desired-count 1 --capacity-provider-strategy capacityProvider=FARGATE_SPOT,weight=1 --load-balancers targetGroupArn=<target-group>,containerName=checkout,containerPort=8080',
    );
    // Lambda@Edge replicas log to /aws/lambda/us-east-1.<name>.
    expect(awsCli(timeoutAction({ ...p, name: 'us-east-1.checkout' }, 3000))).toBe(
      'aws lambda update-function-configuration --function-name us-east-1.checkout --region eu-west-1 --timeout 3',
    );
    expect(memoryAction({ ...p, platform: 'openfaas' }, 256).snippets[0].text).toBe(
      'functions:\n  checkout:\n    limits:\n      memory: 256Mi\n    requests:\n      memory: 256Mi',
    );
  });
});
