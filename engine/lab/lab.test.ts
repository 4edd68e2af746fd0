import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Lab } from './lab.ts';
import { LabError, describeError } from './errors.ts';
import { splitDebugMessages } from './transcript/index.ts';

const SCENARIOS = fileURLToPath(new URL('../../scenarios/', import.meta.url));
const TED_DOC = path.join(SCENARIOS, 'ted-doc', 'topology.yaml');
const LOSSY_LAB = `
seed: 5
routers:
  R1:
    model: c2600
    config: |
      hostname R1
      interface FastEthernet0/0
       ip address 10.0.12.1 255.255.255.0
      interface FastEthernet0/1
       ip address 10.0.1.1 255.255.255.0
      ip route 10.0.2.0 255.255.255.0 10.0.12.2
  R2:
    model: c2600
    config: |
      hostname R2
      interface FastEthernet0/0
       ip address 10.0.12.2 255.255.255.0
      interface FastEthernet0/1
       ip address 10.0.2.1 255.255.255.0
      ip route 10.0.1.0 255.255.255.0 10.0.12.1
hosts:
  a: { address: 10.0.1.10/24, gateway: 10.0.1.1 }
  b: { address: 10.0.2.10/24, gateway: 10.0.2.1 }
links:
  wan: { ends: [R1 Fa0/0, R2 Fa0/0], loss: 30% }
  lan1: [R1 Fa0/1, a]
  lan2: [R2 Fa0/1, b]
`;

function runLossyScenario(seed?: number): { marks: string; transcript: string; pcap: Buffer } {
  const lab = Lab.fromYaml(LOSSY_LAB, { seed });
  const marks = lab.ping('a', 'b', { count: 40 }).marks;
  lab.run('R1', 'show ip route');
  lab.run('R1', 'ping 10.0.2.10 repeat 20');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tedlab-'));
  const saved = lab.saveCapture('wan', dir);
  return { marks, transcript: lab.consoleTranscript('R1'), pcap: readFileSync(saved.pcap) };
}

test('the same topology, steps and seed give byte-identical transcripts and captures', () => {
  const first = runLossyScenario();
  const second = runLossyScenario();
  assert.match(first.marks, /\./, 'a 30% lossy link loses some echoes');
  assert.match(first.marks, /!/);
  assert.equal(first.marks, second.marks);
  assert.equal(first.transcript, second.transcript);
  assert.deepEqual(first.pcap, second.pcap);
});

test('another seed gives another run', () => {
  assert.notEqual(runLossyScenario(1).marks, runLossyScenario(2).marks);
});

test('the document lab loads and a host reaches the other LAN once the crypto maps are gone', () => {
  const lab = Lab.load(TED_DOC);
  for (const router of ['Daphne', 'fred']) lab.configure(router, ['interface FastEthernet0/0', 'no crypto map tedtag']);
  const ping = lab.ping('13.13.13.14', '12.12.12.13');
  assert.equal(ping.marks, '!!!!!');
  assert.equal(ping.successRate, 100);
  assert.match(ping.output, /^Success rate is 100 percent \(5\/5\), round-trip min\/avg\/max = \d+\/\d+\/\d+ ms$/m);
});

test('a configuration line IOS refuses fails configure() with IOS text and leaves config mode', () => {
  const lab = Lab.load(TED_DOC);
  assert.throws(() => lab.configure('fred', ['interface FastEthernet0/0', ' ip adress 1.1.1.1 255.0.0.0']), (error: unknown) => {
    assert.ok(error instanceof LabError);
    assert.equal(error.kind, 'config');
    assert.match(error.message, /% Invalid input detected at '\^' marker\./);
    return true;
  });
  assert.equal(lab.type('fred', []), 'fred#');
});

test('a rejected line in a topology config is reported at its file, line and column', () => {
  const yaml = 'routers:\n  R1:\n    model: c2600\n    config: |\n      hostname R1\n      interface FastEthernet0/0\n       ip adress 10.0.0.1 255.255.255.0\n';
  assert.throws(() => Lab.fromYaml(yaml, { file: 'lab.yaml' }), (error: unknown) => {
    const text = describeError(error);
    assert.match(text, /^lab\.yaml:7:13: router "R1" rejects configuration line 3:/);
    assert.match(text, /% Invalid input detected at '\^' marker\./);
    return true;
  });
});

test('unknown names give a clear usage error, not a crash', () => {
  const lab = Lab.load(TED_DOC);
  assert.throws(() => lab.run('Daphnee', 'show clock'), /no router "Daphnee" in this lab \(it has: Daphne, fred\)/);
  assert.throws(() => lab.ping('pc-nowhere', '1.1.1.1'), /no host or router is named or addressed "pc-nowhere"/);
  assert.throws(() => lab.setLinkUp('lan9', false), /no link "lan9"/);
});

test('time and ping options out of range give a usage error naming the range, and the lab keeps working', () => {
  const lab = Lab.load(TED_DOC);
  const usage = (action: () => unknown, text: RegExp) => assert.throws(action, (error) => error instanceof LabError && error.kind === 'usage' && text.test(error.message));
  for (const ms of [-5, Number.NaN, Number.POSITIVE_INFINITY]) usage(() => lab.advance(ms), /time passes by a finite number of milliseconds, 0 or more/);
  usage(() => lab.ping('pc-daphne', 'pc-fred', { count: 0 }), /ping count 0 is out of range: a whole number from 1 to 2147483647/);
  usage(() => lab.ping('pc-daphne', 'pc-fred', { count: 2.5 }), /ping count 2\.5/);
  usage(() => lab.ping('pc-daphne', 'pc-fred', { size: 35 }), /ping size 35 is out of range: a whole number from 36 to 18024/);
  usage(() => lab.ping('pc-daphne', 'pc-fred', { timeoutMs: Number.NaN }), /ping timeoutMs NaN is out of range: a whole number from 0 to 3600000/);
  lab.advance(0);
  assert.equal(lab.ping('pc-daphne', 'pc-fred', { count: 1, size: 18_024 }).marks.length, 1);
});

test('debug messages are stamped as the CPU produces them: a burst spreads over its printing time, never backwards', () => {
  const lab = Lab.load(path.join(SCENARIOS, 'examples', 'static-tunnel', 'topology.yaml'));
  lab.run('R1', 'debug crypto isakmp');
  lab.run('R1', 'debug crypto ipsec');
  lab.ping('pc1', 'pc2');
  const stamps = splitDebugMessages(lab.debugLog('R1')).map((message) => message.timestamp);
  const millis = stamps.map((stamp) => {
    const [, h, m, s, ms] = /(\d\d):(\d\d):(\d\d)\.(\d{3})$/.exec(stamp)!.map(Number) as number[];
    return ((h! * 60 + m!) * 60 + s!) * 1000 + ms!;
  });
  assert.ok(millis.length > 50);
  millis.slice(1).forEach((value, index) => assert.ok(value >= millis[index]!, `${stamps[index + 1]} after ${stamps[index]}`));
  const firstBurst = millis.slice(0, 8);
  assert.equal(new Set(firstBurst).size, firstBurst.length, `one burst, distinct stamps: ${stamps.slice(0, 8).join(', ')}`);
});

test("two runs of the document's debug run with the same seed print byte-identical logs, timestamps and SPIs included", () => {
  const run = (): string => {
    const lab = Lab.load(path.join(SCENARIOS, 'ted-doc-debug-run', 'topology.yaml'));
    for (const router of ['Daphne', 'fred']) {
      for (const subsystem of ['isakmp', 'engine', 'ipsec']) lab.run(router, `debug crypto ${subsystem}`);
    }
    lab.ping('13.13.13.14', '12.12.12.13');
    return `${lab.debugLog('Daphne')}${lab.debugLog('fred')}${lab.consoleTranscript('Daphne')}`;
  };
  const first = run();
  assert.match(first, /has spi 0x[0-9A-F]{8} and conn_id 2000/);
  assert.equal(run(), first);
});
