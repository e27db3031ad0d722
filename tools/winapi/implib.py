"""Reads the export names out of a mingw-w64 import library (an ar archive).

Each import member of a dlltool-made library is a COFF object with
  .idata$6  the hint (2 bytes, NOT the ordinal) and the name imported,
  .idata$5  the import-table slot; bit 63 set and no .idata$6: by ordinal,
and a code thunk (a .text symbol of the same name) unless the export is DATA.
The member refers to its DLL's head object (_head_...), whose tail object
holds the DLL's name in .idata$7.  Short-format members (Microsoft's
"import object" header) carry name, DLL and type directly.  Members that are
ordinary code (mingw's static helpers in libmsvcrt.a) are not imports.
"""
import struct


class Export:
    def __init__(self, name, dll, data=False, ordinal=None):
        self.name, self.dll, self.data, self.ordinal = name, dll, data, ordinal

    def __repr__(self):
        return f'Export({self.name!r}, {self.dll!r}, data={self.data}, ordinal={self.ordinal})'


def ar_members(blob):
    """Yields (name, bytes) for each member of an ar archive."""
    if blob[:8] != b'!<arch>\n':
        raise ValueError('not an ar archive')
    pos = 8
    while pos + 60 <= len(blob):
        hdr = blob[pos:pos + 60]
        size = int(hdr[48:58].decode().strip())
        name = hdr[:16].decode(errors='replace').strip()
        yield name, blob[pos + 60:pos + 60 + size]
        pos += 60 + size + (size & 1)


class Coff:
    """The sections and symbols of one COFF object."""

    def __init__(self, data):
        (self.machine, nsec, _, symptr, nsym, optsz, _) = struct.unpack_from('<HHIIIHH', data)
        self.data = data
        self.sections = []
        for i in range(nsec):
            off = 20 + optsz + 40 * i
            name = data[off:off + 8].rstrip(b'\0').decode(errors='replace')
            rawsize, rawptr = struct.unpack_from('<II', data, off + 16)
            self.sections.append((name, data[rawptr:rawptr + rawsize]))
        strtab = symptr + 18 * nsym
        self.symbols = []  # (name, section number: 0 = undefined)
        i = 0
        while i < nsym:
            off = symptr + 18 * i
            raw, secnum, naux = data[off:off + 8], struct.unpack_from('<h', data, off + 12)[0], \
                data[off + 17]
            if raw[:4] == b'\0\0\0\0':
                so = strtab + struct.unpack_from('<I', raw, 4)[0]
                name = data[so:data.index(b'\0', so)].decode(errors='replace')
            else:
                name = raw.rstrip(b'\0').decode(errors='replace')
            self.symbols.append((name, secnum))
            i += 1 + naux

    def section(self, name):
        for n, d in self.sections:
            if n == name:
                return d
        return None


def short_import(data):
    """Microsoft's short import object: Export, or None."""
    sig1, sig2, _, _, _, _, ordhint, flags = struct.unpack_from('<HHHHIIHH', data)
    if sig1 != 0 or sig2 != 0xFFFF:
        return None
    rest = data[20:].split(b'\0')
    sym, dll = rest[0].decode(), rest[1].decode()
    typ, nametype = flags & 3, (flags >> 2) & 7
    by_ordinal = nametype == 0
    return Export(sym, dll, data=typ == 1, ordinal=ordhint if by_ordinal else None)


def read(path):
    """Every export the library imports, in archive order."""
    blob = open(path, 'rb').read()
    heads, tails, members = {}, {}, []
    for mname, data in ar_members(blob):
        if mname in ('/', '//', '/SYM64/') or len(data) < 20:
            continue
        short = short_import(data)
        if short:
            members.append(short)
            continue
        obj = Coff(data)
        defined = {n for n, s in obj.symbols if s > 0}
        undefined = [n for n, s in obj.symbols if s == 0]
        if obj.section('.idata$7') and any(n.endswith('_iname') for n in defined):
            iname = next(n for n in defined if n.endswith('_iname'))
            tails[iname] = obj.section('.idata$7').rstrip(b'\0').decode()
        if obj.section('.idata$2'):
            head = next((n for n in defined if n.startswith('_head_')), None)
            iname = next((n for n in undefined if n.endswith('_iname')), None)
            if head and iname:
                heads[head] = iname
        members.append(import_member(obj, defined, undefined))
    out = []
    for m in members:
        if m is None:
            continue
        if isinstance(m, Export):
            out.append(m)
            continue
        name, data, ordinal, head = m
        out.append(Export(name, tails.get(heads.get(head, ''), '?'), data, ordinal))
    return out


def import_member(obj, defined, undefined):
    """(name, data, ordinal, head) for a long-format import member, else None."""
    head = next((n for n in undefined if n.startswith('_head_')), None)
    imp = [n for n in defined if n.startswith('__imp_')]
    if not head or not imp:
        return None
    sym = imp[0][len('__imp_'):]
    hintname = obj.section('.idata$6')
    slot = obj.section('.idata$5') or b''
    data = sym not in defined
    if hintname:
        name = hintname[2:].split(b'\0')[0].decode()
        return name, data, None, head
    if len(slot) >= 8 and struct.unpack_from('<Q', slot)[0] >> 63:
        return sym, data, struct.unpack_from('<Q', slot)[0] & 0xFFFF, head
    return sym, data, None, head
