/* Value conversions shared by VariantChangeType and the Var*From*
 * functions: every number goes through one of three forms. */
#ifndef LSW_OLEAUT_VARCONV_H
#define LSW_OLEAUT_VARCONV_H

#include "oleaut_private.h"
#include <stdint.h>

enum num_kind { NUM_INT, NUM_UINT, NUM_REAL };

struct num {
	enum num_kind kind;
	LONGLONG i;   /* NUM_INT */
	ULONGLONG u;  /* NUM_UINT */
	double r;     /* NUM_REAL */
};

static inline struct num num_int(LONGLONG v) { return (struct num){ NUM_INT, v, 0, 0 }; }
static inline struct num num_uint(ULONGLONG v) { return (struct num){ NUM_UINT, 0, v, 0 }; }
static inline struct num num_real(double v) { return (struct num){ NUM_REAL, 0, 0, v }; }

/* varconv.c: a number into an integer of [min, max] (reals rounded half
 * to even, as oleaut32 rounds), or DISP_E_OVERFLOW. */
HRESULT num_to_int(struct num n, LONGLONG min, LONGLONG max, LONGLONG *out);
HRESULT num_to_uint(struct num n, ULONGLONG max, ULONGLONG *out);
double num_to_real(struct num n);

/* varstr.c: parsing and formatting in the en-US conventions. */
HRESULT str_to_num(const OLECHAR *s, struct num *out);
HRESULT str_to_bool(const OLECHAR *s, VARIANT_BOOL *out);
HRESULT str_to_date(const OLECHAR *s, DATE *out);
HRESULT bstr_from_num(struct num n, BSTR *out);
HRESULT bstr_from_real(double v, int digits, BSTR *out);
HRESULT bstr_from_bool(VARIANT_BOOL v, ULONG flags, BSTR *out);
HRESULT bstr_from_date(DATE v, ULONG flags, BSTR *out);

/* vartime.c */
#define DATE_MIN_ (-657434.0)  /* 1 January 100 */
#define DATE_MAX_ 2958465.0    /* 31 December 9999 */
BOOL date_to_parts(DATE d, SYSTEMTIME *st);
BOOL parts_to_date(const SYSTEMTIME *st, DATE *d);

#endif
