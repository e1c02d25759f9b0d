#!/usr/bin/python3
"""make_kdbx.py: the KeePassXC side of the comparison's data set.

    make_kdbx.py ENTRIES.jsonl OUT.kdbx [--kdf-ops T] [--kdf-mem-kib M]

Writes a KDBX 4 database of the entries bench_dataset wrote (one JSON object a line) through
Debian's python3-pykeepass, with an Argon2id KDF of T iterations and M KiB, one lane (what
libsodium's Argon2id uses on the Tessera side). The master password is read from standard input.
Mapping: folder -> nested groups, first URL -> URL, further URLs -> KP2A_URL_n (KeePassXC's
convention), tags -> Tags, custom fields -> strings (protected ones protected), TOTP secret ->
otp (otpauth URI), attachment -> a binary in the inner header.
"""
import argparse
import base64
import json
import sys
import urllib.parse

from lxml.builder import E
from pykeepass import create_database
from pykeepass.entry import Entry

ARGON2ID_UUID = b'\x9e)\x8b\x19V\xdbGs\xb2=\xfc>\xc6\xf0\xa1\xe6'


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('entries')
    parser.add_argument('out')
    parser.add_argument('--kdf-ops', type=int, default=1)
    parser.add_argument('--kdf-mem-kib', type=int, default=1024)
    args = parser.parse_args()
    password = sys.stdin.readline().rstrip('\n')
    if not password:
        sys.exit('make_kdbx.py: give the master password on standard input')

    kp = create_database(args.out, password=password)
    kdf = kp.kdbx.header.value.dynamic_header.kdf_parameters.data.dict
    kdf['$UUID'].value = ARGON2ID_UUID
    kdf['I'].value = args.kdf_ops
    kdf['M'].value = args.kdf_mem_kib * 1024
    kdf['P'].value = 1
    del kp.kdbx.header.data  # rebuilt from the edited values when saved

    groups = {'': kp.root_group}

    def group_for(path):
        if path not in groups:
            parent, _, name = path.rpartition('/')
            groups[path] = kp.add_group(group_for(parent), name)
        return groups[path]

    with open(args.entries, encoding='utf-8') as lines:
        for line in lines:
            item = json.loads(line)
            urls = item['urls']
            # Built directly: PyKeePass.add_entry searches the group for a duplicate first, even
            # with force_creation, which makes 100k entries quadratic.
            entry = Entry(item['title'], item['username'], item['password'],
                          url=urls[0] if urls else None, notes=item.get('notes'),
                          tags=item['tags'] or None, kp=kp)
            group_for(item['folder']).append(entry)
            element = entry._element
            for n, url in enumerate(urls[1:], start=1):
                element.append(E.String(E.Key('KP2A_URL_%d' % n), E.Value(url)))
            for field in item['fields']:
                value = (E.Value(field['value'], Protected='True') if field['protected']
                         else E.Value(field['value']))
                element.append(E.String(E.Key(field['name']), value))
            if 'totp' in item:
                uri = 'otpauth://totp/%s?secret=%s' % (urllib.parse.quote(item['title']),
                                                         item['totp'])
                element.append(E.String(E.Key('otp'), E.Value(uri, Protected='True')))
            if 'attachment' in item:
                attachment = item['attachment']
                binary = kp.add_binary(base64.b64decode(attachment['base64']))
                entry.add_attachment(binary, attachment['name'])
    kp.save()


if __name__ == '__main__':
    main()
