#!/usr/bin/env python3
# tedlab's relay for raw IP: Node has no raw sockets, so this process holds them for the bridge.
# stdin:  frames of [4-byte length][IPv4 datagram] to send as they are (IP_HDRINCL).
# stdout: frames of [4-byte length][IPv4 datagram] for each ESP or AH datagram from PEER to BIND.
# Needs root (CAP_NET_RAW). Usage: raw-ip-relay.py BIND PEER
import os
import select
import socket
import struct
import sys

ESP, AH = 50, 51


def main() -> None:
    bind, peer = sys.argv[1], sys.argv[2]
    sender = socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_RAW)
    receivers = []
    for protocol in (ESP, AH):
        receiver = socket.socket(socket.AF_INET, socket.SOCK_RAW, protocol)
        receiver.bind((bind, 0))
        receivers.append(receiver)
    out = sys.stdout.buffer
    out.write(b'READY\n')
    out.flush()
    stdin = sys.stdin.buffer.raw
    pending = b''
    while True:
        readable, _, _ = select.select([stdin, *receivers], [], [])
        for source in readable:
            if source is stdin:
                chunk = os.read(stdin.fileno(), 65536)
                if not chunk:
                    return
                pending += chunk
                while len(pending) >= 4 and len(pending) >= 4 + struct.unpack('!I', pending[:4])[0]:
                    length = struct.unpack('!I', pending[:4])[0]
                    sender.sendto(pending[4:4 + length], (peer, 0))
                    pending = pending[4 + length:]
            else:
                datagram, (address, _) = source.recvfrom(65536)
                if address == peer:
                    out.write(struct.pack('!I', len(datagram)) + datagram)
                    out.flush()


if __name__ == '__main__':
    try:
        main()
    except (BrokenPipeError, KeyboardInterrupt):
        pass
