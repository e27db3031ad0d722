"""Just enough of the PE32+ format to list a module's imports and exports."""
import struct

DIR_EXPORT, DIR_IMPORT, DIR_DELAY_IMPORT = 0, 1, 13


class PEError(Exception):
    pass


class Image:
    """A PE file's headers and sections, read from its bytes."""

    def __init__(self, data):
        self.data = data
        if data[:2] != b'MZ' or len(data) < 0x40:
            raise PEError('missing MZ')
        nt = struct.unpack_from('<I', data, 0x3C)[0]
        if data[nt:nt + 4] != b'PE\0\0':
            raise PEError('missing PE signature')
        self.machine, nsect, _, _, _, optsize, self.characteristics = \
            struct.unpack_from('<HHIIIHH', data, nt + 4)
        opt = nt + 24
        self.magic = struct.unpack_from('<H', data, opt)[0]
        if self.magic != 0x20B:
            raise PEError('not PE32+ (magic 0x%x)' % self.magic)
        self.subsystem = struct.unpack_from('<H', data, opt + 68)[0]
        ndirs = struct.unpack_from('<I', data, opt + 108)[0]
        self.dirs = [struct.unpack_from('<II', data, opt + 112 + 8 * i)
                     for i in range(min(ndirs, 16))]
        self.sections = []
        for i in range(nsect):
            off = opt + optsize + 40 * i
            vsize, va, rawsize, rawptr = struct.unpack_from('<IIII', data, off + 8)
            self.sections.append((va, max(vsize, rawsize), rawptr, rawsize))

    def offset(self, rva):
        for va, size, rawptr, rawsize in self.sections:
            if va <= rva < va + size:
                if rva - va >= rawsize:
                    raise PEError('rva 0x%x has no file data' % rva)
                return rawptr + rva - va
        raise PEError('rva 0x%x is in no section' % rva)

    def u32(self, rva):
        return struct.unpack_from('<I', self.data, self.offset(rva))[0]

    def u64(self, rva):
        return struct.unpack_from('<Q', self.data, self.offset(rva))[0]

    def cstr(self, rva):
        off = self.offset(rva)
        end = self.data.index(b'\0', off)
        return self.data[off:end].decode('latin-1')

    def directory(self, index):
        return self.dirs[index] if index < len(self.dirs) else (0, 0)


def _thunks(img, rva):
    """Names (str) or ordinals (int) of one import lookup table."""
    out = []
    while rva:
        value = img.u64(rva)
        if value == 0:
            break
        if value >> 63:
            out.append(value & 0xFFFF)
        else:
            out.append(img.cstr((value & 0x7FFFFFFF) + 2))
        rva += 8
    return out


# Descriptor size and the offsets of its DLL name, its lookup table and the
# address table (read when a linker left the lookup table out).
_DESCRIPTORS = {DIR_IMPORT: (20, 12, 0, 16), DIR_DELAY_IMPORT: (32, 4, 16, 12)}


def _import_table(img, index):
    size_each, name_at, lookup_at, iat_at = _DESCRIPTORS[index]
    rva, size = img.directory(index)
    out = {}
    while rva and size:
        base = img.offset(rva)
        name, lookup, iat = (struct.unpack_from('<I', img.data, base + at)[0]
                             for at in (name_at, lookup_at, iat_at))
        if name == 0:
            break
        out.setdefault(img.cstr(name), []).extend(_thunks(img, lookup or iat))
        rva += size_each
    return out


def imports(img):
    """{dll name as written: [name or ordinal, ...]} of the import table."""
    return _import_table(img, DIR_IMPORT)


def delay_imports(img):
    """The same for the delay-load table (DLLs loaded at their first call)."""
    return _import_table(img, DIR_DELAY_IMPORT)


def exports(img):
    """({name: forwarder or None}, {ordinal: forwarder or None})."""
    rva, size = img.directory(DIR_EXPORT)
    if not rva:
        return {}, {}
    base, nfuncs, nnames, funcs, names, ords = \
        struct.unpack_from('<IIIIII', img.data, img.offset(rva) + 16)
    by_ordinal = {}
    for i in range(nfuncs):
        target = img.u32(funcs + 4 * i)
        if target:
            forward = img.cstr(target) if rva <= target < rva + size else None
            by_ordinal[base + i] = forward
    by_name = {}
    for i in range(nnames):
        index = struct.unpack_from('<H', img.data, img.offset(ords + 2 * i))[0]
        by_name[img.cstr(img.u32(names + 4 * i))] = by_ordinal.get(base + index)
    return by_name, by_ordinal


def load(path):
    with open(path, 'rb') as f:
        return Image(f.read())
