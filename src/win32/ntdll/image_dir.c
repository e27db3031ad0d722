/*
 * Looking into a PE image in memory: its sections and data directories,
 * laid out as the loader maps it or as the file is (a data-file mapping,
 * whose base LoadLibraryEx marks with its low bit).  Both headers of 32-
 * and 64-bit images are understood: a program may map either.
 */
#include "loader.h"

static IMAGE_SECTION_HEADER *first_section(IMAGE_NT_HEADERS *nt)
{
	return (IMAGE_SECTION_HEADER *)((BYTE *)&nt->OptionalHeader +
					nt->FileHeader.SizeOfOptionalHeader);
}

/* The section holding rva, or NULL. */
RTLAPI IMAGE_SECTION_HEADER *NTAPI RtlImageRvaToSection(IMAGE_NT_HEADERS *nt, PVOID base,
							ULONG rva)
{
	IMAGE_SECTION_HEADER *s = first_section(nt);

	for (WORD i = 0; i < nt->FileHeader.NumberOfSections; i++, s++) {
		ULONG size = s->Misc.VirtualSize ? s->Misc.VirtualSize : s->SizeOfRawData;

		if (rva >= s->VirtualAddress && rva - s->VirtualAddress < size)
			return s;
	}
	return NULL;
}

/* The address of rva in an image mapped as its file is laid out. */
RTLAPI PVOID NTAPI RtlImageRvaToVa(IMAGE_NT_HEADERS *nt, PVOID base, ULONG rva,
				   IMAGE_SECTION_HEADER **last)
{
	IMAGE_SECTION_HEADER *s = last && *last ? *last : NULL;

	if (!s || rva < s->VirtualAddress || rva - s->VirtualAddress >= s->SizeOfRawData)
		s = RtlImageRvaToSection(nt, base, rva);
	if (!s)
		return NULL;
	if (last)
		*last = s;
	return (BYTE *)base + s->PointerToRawData + (rva - s->VirtualAddress);
}

/* The same without the section cache (the older export). */
RTLAPI PVOID NTAPI RtlAddressInSectionTable(IMAGE_NT_HEADERS *nt, PVOID base, ULONG rva)
{
	return RtlImageRvaToVa(nt, base, rva, NULL);
}

/* Directory dir of the image at base and its size; NULL if it has none. */
RTLAPI PVOID NTAPI RtlImageDirectoryEntryToData(PVOID base, BOOLEAN image, USHORT dir,
						 ULONG *size)
{
	IMAGE_NT_HEADERS *nt;
	IMAGE_DATA_DIRECTORY *d;
	ULONG count;

	if ((ULONG_PTR)base & 1) { /* a data-file mapping: the file's layout */
		base = (PVOID)((ULONG_PTR)base & ~(ULONG_PTR)1);
		image = FALSE;
	}
	if (!(nt = RtlImageNtHeader(base)))
		return NULL;
	if (nt->OptionalHeader.Magic == IMAGE_NT_OPTIONAL_HDR64_MAGIC) {
		count = nt->OptionalHeader.NumberOfRvaAndSizes;
		d = nt->OptionalHeader.DataDirectory;
	} else if (nt->OptionalHeader.Magic == IMAGE_NT_OPTIONAL_HDR32_MAGIC) {
		IMAGE_NT_HEADERS32 *nt32 = (IMAGE_NT_HEADERS32 *)nt;

		count = nt32->OptionalHeader.NumberOfRvaAndSizes;
		d = nt32->OptionalHeader.DataDirectory;
	} else {
		return NULL;
	}
	if (dir >= count || !d[dir].VirtualAddress)
		return NULL;
	if (size)
		*size = d[dir].Size;
	if (image || d[dir].VirtualAddress < nt->OptionalHeader.SizeOfHeaders)
		return (BYTE *)base + d[dir].VirtualAddress;
	return RtlImageRvaToVa(nt, base, d[dir].VirtualAddress, NULL);
}
