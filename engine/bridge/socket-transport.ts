import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { createSocket, type Socket } from 'node:dgram';
import type { Readable, Writable } from 'node:stream';
import { packageFile } from '../package-files.ts';
import { formatIpv4 } from '../wire/ipv4-address.ts';
import type { PeerTransport, RealPeerEnd } from './real-peer-end.ts';

/**
 * The real network side of a peer's link end: UDP sockets bound at this machine's address on
 * the IKE ports, and a relay process for raw ESP and AH (Node has no raw sockets; raw IP needs
 * root). Only here does the bridge touch the machine.
 */

/** IKE's ports: 500, and 4500 for NAT traversal. */
export const BRIDGED_UDP_PORTS = [500, 4500] as const;
const RELAY = packageFile('engine/bridge/raw-ip-relay.py');
const READY = 'READY\n';
const FRAME_HEADER = 4;

export interface SocketTransport extends PeerTransport {
  /** Why ESP and AH cannot cross, when they cannot (no root, no python3). */
  readonly rawIpProblem: string | undefined;
  close(): Promise<void>;
}

/** Binds the sockets for `end` and starts delivering what arrives to it; `arrived` runs first (the wall clock catches up). */
export async function openSocketTransport(end: RealPeerEnd, arrived: () => void): Promise<SocketTransport> {
  const bind = formatIpv4(end.spec.bind);
  const peer = formatIpv4(end.spec.address);
  const sockets = new Map<number, Socket>();
  for (const port of BRIDGED_UDP_PORTS) {
    const socket = createSocket({ type: 'udp4', reuseAddr: false });
    socket.on('message', (message, remote) => {
      if (remote.address !== peer) return;
      arrived();
      end.fromUdp(new Uint8Array(message), remote.port, port);
    });
    await new Promise<void>((resolve, reject) => {
      socket.once('error', reject);
      socket.bind({ address: bind, port, exclusive: true }, () => resolve());
    });
    sockets.set(port, socket);
  }
  const relay = await startRelay(bind, peer, (datagram) => {
    arrived();
    end.fromIp(datagram);
  });
  let closed = false;
  return {
    rawIpProblem: relay.ok ? undefined : relay.why,
    sendUdp(payload, localPort, peerPort) {
      if (!closed) sockets.get(localPort)?.send(payload, peerPort, peer);
    },
    sendIp(datagram) {
      if (!relay.ok || closed) return false;
      const frame = Buffer.alloc(FRAME_HEADER + datagram.length);
      frame.writeUInt32BE(datagram.length, 0);
      frame.set(datagram, FRAME_HEADER);
      relay.process.stdin.write(frame);
      return true;
    },
    async close() {
      closed = true;
      for (const socket of sockets.values()) await new Promise<void>((resolve) => socket.close(() => resolve()));
      if (relay.ok) {
        relay.process.stdin.end();
        relay.process.kill('SIGTERM');
      }
    },
  };
}

type Relay = { ok: true; process: ChildProcessByStdio<Writable, Readable, null> } | { ok: false; why: string };

/** The raw IP relay, once it says it holds its sockets; a reason when it cannot (no root, no python3). */
function startRelay(bind: string, peer: string, onDatagram: (datagram: Uint8Array) => void): Promise<Relay> {
  if (process.getuid?.() !== 0) return Promise.resolve({ ok: false, why: 'raw ESP and AH need root' });
  return new Promise((resolve) => {
    const child = spawn('python3', [RELAY, bind, peer], { stdio: ['pipe', 'pipe', 'ignore'] });
    let buffered = Buffer.alloc(0);
    let ready = false;
    child.once('error', (error) => resolve({ ok: false, why: `the raw IP relay did not start: ${error.message}` }));
    child.once('exit', (code) => {
      if (!ready) resolve({ ok: false, why: `the raw IP relay exited (code ${code})` });
    });
    child.stdout.on('data', (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      if (!ready) {
        if (buffered.length < READY.length) return;
        ready = buffered.subarray(0, READY.length).toString() === READY;
        buffered = buffered.subarray(READY.length);
        resolve(ready ? { ok: true, process: child } : { ok: false, why: 'the raw IP relay spoke out of turn' });
      }
      while (buffered.length >= FRAME_HEADER && buffered.length >= FRAME_HEADER + buffered.readUInt32BE(0)) {
        const length = buffered.readUInt32BE(0);
        onDatagram(new Uint8Array(buffered.subarray(FRAME_HEADER, FRAME_HEADER + length)));
        buffered = buffered.subarray(FRAME_HEADER + length);
      }
    });
  });
}
