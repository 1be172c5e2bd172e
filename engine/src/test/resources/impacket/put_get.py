"""Drives Impacket's SMB client against a lab server for capture tests.

Usage: put_get.py HOST PORT SHARE USER DOMAIN DIALECT
The password comes from the environment variable SMBENCH_PASSWORD, never the command line.
DIALECT is 0x0300 or 0x0302 (Debian's Impacket 0.10 cannot sign 3.1.1 correctly). Impacket
encrypts every SMB 3.x session by itself. Prints one line, "SESSION <id> <key>": the session id as
16 hex digits in wire (little-endian) order and the 16-byte session key in hex, for the capture
compiler's --keys.
"""
import io
import os
import sys

from impacket import smb3structs
from impacket.smbconnection import SMBConnection


def main():
    host, port, share, user, domain, dialect = sys.argv[1:7]
    password = os.environ["SMBENCH_PASSWORD"]
    conn = SMBConnection(host, host, sess_port=int(port), preferredDialect=int(dialect, 16))
    conn.login(user, password, domain)
    payload = bytes(range(256)) * 64  # 16 KiB
    conn.putFile(share, "impacket.bin", io.BytesIO(payload).read)
    received = io.BytesIO()
    conn.getFile(share, "impacket.bin", received.write)
    if received.getvalue() != payload:
        raise SystemExit("read back differs from what was written")
    names = [f.get_longname() for f in conn.listPath(share, "*")]
    if "impacket.bin" not in names:
        raise SystemExit("impacket.bin missing from the listing: %r" % names)
    conn.deleteFile(share, "impacket.bin")
    session = conn.getSMBServer()._Session
    session_id = session["SessionID"].to_bytes(8, "little").hex()
    key = session["SessionKey"][:16].hex()
    conn.logoff()
    print("SESSION %s %s" % (session_id, key))


if __name__ == "__main__":
    main()
