/* The structures CryptEncodeObjectEx and CryptDecodeObjectEx know, each
 * described once as fields of its C struct (asn.h), and the names
 * (predefined X509_* / PKCS_* numbers and OID strings) that select them. */
#include "asn.h"

#define F(type, ctype, member) { type, offsetof(ctype, member), 0, ASN_REQUIRED, 0 }
#define OPT(type, ctype, member) { type, offsetof(ctype, member), 0, ASN_OPT_EMPTY, 0 }
#define TAGGED(type, ctype, member, tagging, presence)                                    \
	{ type, offsetof(ctype, member), tagging, presence, 0 }
#define IF_FLAG(type, ctype, member, flag)                                                \
	{ type, offsetof(ctype, member), 0, ASN_OPT_FLAG, offsetof(ctype, flag) }

/* Names: SEQUENCE OF SET OF SEQUENCE { type OID, value } */
static const struct asn_field rdn_attr_fields[] = {
	F(&asn_oid, CERT_RDN_ATTR, pszObjId),
	F(&asn_name_value, CERT_RDN_ATTR, dwValueType),
};
static const struct asn_field unicode_rdn_attr_fields[] = {
	F(&asn_oid, CERT_RDN_ATTR, pszObjId),
	F(&asn_any_string, CERT_RDN_ATTR, dwValueType),
};
static const struct asn_type rdn_attr = ASN_SEQ(DER_SEQUENCE, CERT_RDN_ATTR, rdn_attr_fields);
static const struct asn_type unicode_rdn_attr =
	ASN_SEQ(DER_SEQUENCE, CERT_RDN_ATTR, unicode_rdn_attr_fields);
static const struct asn_type rdn =
	ASN_ARRAY_INDEXED(DER_SET, &rdn_attr, CERT_UNICODE_ATTR_ERR_INDEX_SHIFT);
static const struct asn_type unicode_rdn =
	ASN_ARRAY_INDEXED(DER_SET, &unicode_rdn_attr, CERT_UNICODE_ATTR_ERR_INDEX_SHIFT);
static const struct asn_type name =
	ASN_ARRAY_INDEXED(DER_SEQUENCE, &rdn, CERT_UNICODE_RDN_ERR_INDEX_SHIFT);
static const struct asn_type unicode_name =
	ASN_ARRAY_INDEXED(DER_SEQUENCE, &unicode_rdn, CERT_UNICODE_RDN_ERR_INDEX_SHIFT);

/* GeneralName and GeneralNames (RFC 5280 4.2.1.6) */
static const struct asn_field other_name_fields[] = {
	F(&asn_oid, CERT_OTHER_NAME, pszObjId),
	TAGGED(&asn_any, CERT_OTHER_NAME, Value, ASN_EXPLICIT(0), ASN_REQUIRED),
};
static const struct asn_type other_name = ASN_SEQ(DER_SEQUENCE, CERT_OTHER_NAME, other_name_fields);
static const struct asn_type other_name_pointer = ASN_POINTER(&other_name);
static const struct asn_alternative general_names[] = {
	{ CERT_ALT_NAME_OTHER_NAME, ASN_IMPLICIT(0), &other_name_pointer },
	{ CERT_ALT_NAME_RFC822_NAME, ASN_IMPLICIT(1), &asn_ia5_wide },
	{ CERT_ALT_NAME_DNS_NAME, ASN_IMPLICIT(2), &asn_ia5_wide },
	{ CERT_ALT_NAME_X400_ADDRESS, 3, NULL },
	{ CERT_ALT_NAME_DIRECTORY_NAME, ASN_EXPLICIT(4), &asn_any },
	{ CERT_ALT_NAME_EDI_PARTY_NAME, 5, NULL },
	{ CERT_ALT_NAME_URL, ASN_IMPLICIT(6), &asn_ia5_wide },
	{ CERT_ALT_NAME_IP_ADDRESS, ASN_IMPLICIT(7), &asn_octets },
	{ CERT_ALT_NAME_REGISTERED_ID, ASN_IMPLICIT(8), &asn_oid },
};
const struct asn_type asn_alt_entry = ASN_CHOICE(CERT_ALT_NAME_ENTRY, general_names, 8);
static const struct asn_type alt_name =
	ASN_ARRAY_INDEXED(DER_SEQUENCE, &asn_alt_entry, CERT_ALT_NAME_ENTRY_ERR_INDEX_SHIFT);

/* AlgorithmIdentifier, SubjectPublicKeyInfo, extensions */
static const struct asn_field algorithm_fields[] = {
	F(&asn_oid_or_empty, CRYPT_ALGORITHM_IDENTIFIER, pszObjId),
	{ &asn_any_or_null, offsetof(CRYPT_ALGORITHM_IDENTIFIER, Parameters), 0, ASN_OPT_OID,
	  offsetof(CRYPT_ALGORITHM_IDENTIFIER, pszObjId) },
};
static const struct asn_type algorithm =
	ASN_SEQ(DER_SEQUENCE, CRYPT_ALGORITHM_IDENTIFIER, algorithm_fields);
static const struct asn_field public_key_fields[] = {
	F(&algorithm, CERT_PUBLIC_KEY_INFO, Algorithm),
	F(&asn_bits, CERT_PUBLIC_KEY_INFO, PublicKey),
};
static const struct asn_type public_key_info =
	ASN_SEQ(DER_SEQUENCE, CERT_PUBLIC_KEY_INFO, public_key_fields);
static const struct asn_field extension_fields[] = {
	F(&asn_oid, CERT_EXTENSION, pszObjId),
	OPT(&asn_bool, CERT_EXTENSION, fCritical),
	F(&asn_octets, CERT_EXTENSION, Value),
};
static const struct asn_type extension = ASN_SEQ(DER_SEQUENCE, CERT_EXTENSION, extension_fields);
static const struct asn_type extensions = ASN_ARRAY(DER_SEQUENCE, &extension);

/* Certificates (RFC 5280 4.1) */
struct validity {
	FILETIME not_before, not_after;
};
static const struct asn_field validity_fields[] = {
	F(&asn_time, struct validity, not_before),
	F(&asn_time, struct validity, not_after),
};
static const struct asn_type validity = ASN_SEQ(DER_SEQUENCE, struct validity, validity_fields);
static const struct asn_field cert_info_fields[] = {
	TAGGED(&asn_int, CERT_INFO, dwVersion, ASN_EXPLICIT(0), ASN_OPT_EMPTY),
	F(&asn_int_blob, CERT_INFO, SerialNumber),
	F(&algorithm, CERT_INFO, SignatureAlgorithm),
	OPT(&asn_any, CERT_INFO, Issuer),
	F(&validity, CERT_INFO, NotBefore),
	OPT(&asn_any, CERT_INFO, Subject),
	F(&public_key_info, CERT_INFO, SubjectPublicKeyInfo),
	TAGGED(&asn_bits, CERT_INFO, IssuerUniqueId, ASN_IMPLICIT(1), ASN_OPT_EMPTY),
	TAGGED(&asn_bits, CERT_INFO, SubjectUniqueId, ASN_IMPLICIT(2), ASN_OPT_EMPTY),
	TAGGED(&extensions, CERT_INFO, cExtension, ASN_EXPLICIT(3), ASN_OPT_EMPTY),
};
static const struct asn_type cert_info = ASN_SEQ(DER_SEQUENCE, CERT_INFO, cert_info_fields);
static const struct asn_field signed_content_fields[] = {
	F(&asn_any, CERT_SIGNED_CONTENT_INFO, ToBeSigned),
	F(&algorithm, CERT_SIGNED_CONTENT_INFO, SignatureAlgorithm),
	F(&asn_bits_reversed, CERT_SIGNED_CONTENT_INFO, Signature),
};
static const struct asn_type signed_content =
	ASN_SEQ(DER_SEQUENCE, CERT_SIGNED_CONTENT_INFO, signed_content_fields);

/* CRLs (RFC 5280 5.1) */
static const struct asn_field crl_entry_fields[] = {
	F(&asn_int_blob, CRL_ENTRY, SerialNumber),
	F(&asn_time, CRL_ENTRY, RevocationDate),
	OPT(&extensions, CRL_ENTRY, cExtension),
};
static const struct asn_type crl_entry = ASN_SEQ(DER_SEQUENCE, CRL_ENTRY, crl_entry_fields);
static const struct asn_type crl_entries = ASN_ARRAY(DER_SEQUENCE, &crl_entry);
static const struct asn_field crl_info_fields[] = {
	OPT(&asn_int, CRL_INFO, dwVersion),
	F(&algorithm, CRL_INFO, SignatureAlgorithm),
	F(&asn_any, CRL_INFO, Issuer),
	F(&asn_time, CRL_INFO, ThisUpdate),
	OPT(&asn_time, CRL_INFO, NextUpdate),
	OPT(&crl_entries, CRL_INFO, cCRLEntry),
	TAGGED(&extensions, CRL_INFO, cExtension, ASN_EXPLICIT(0), ASN_OPT_EMPTY),
};
static const struct asn_type crl_info = ASN_SEQ(DER_SEQUENCE, CRL_INFO, crl_info_fields);

/* Extensions' values (RFC 5280 4.2.1) */
static const struct asn_field basic_constraints2_fields[] = {
	OPT(&asn_bool, CERT_BASIC_CONSTRAINTS2_INFO, fCA),
	IF_FLAG(&asn_int, CERT_BASIC_CONSTRAINTS2_INFO, dwPathLenConstraint, fPathLenConstraint),
};
static const struct asn_type basic_constraints2 =
	ASN_SEQ(DER_SEQUENCE, CERT_BASIC_CONSTRAINTS2_INFO, basic_constraints2_fields);
static const struct asn_type name_blobs = ASN_ARRAY(DER_SEQUENCE, &asn_any);
static const struct asn_field basic_constraints_fields[] = {
	F(&asn_bits, CERT_BASIC_CONSTRAINTS_INFO, SubjectType),
	IF_FLAG(&asn_int, CERT_BASIC_CONSTRAINTS_INFO, dwPathLenConstraint, fPathLenConstraint),
	OPT(&name_blobs, CERT_BASIC_CONSTRAINTS_INFO, cSubtreesConstraint),
};
static const struct asn_type basic_constraints =
	ASN_SEQ(DER_SEQUENCE, CERT_BASIC_CONSTRAINTS_INFO, basic_constraints_fields);

static const struct asn_type oids = ASN_ARRAY(DER_SEQUENCE, &asn_oid);
static const struct asn_type sequence_of_any = ASN_ARRAY(DER_SEQUENCE, &asn_any);

static const struct asn_field authority_key_id_fields[] = {
	TAGGED(&asn_octets, CERT_AUTHORITY_KEY_ID_INFO, KeyId, ASN_IMPLICIT(0), ASN_OPT_EMPTY),
	TAGGED(&asn_any, CERT_AUTHORITY_KEY_ID_INFO, CertIssuer, ASN_EXPLICIT(1), ASN_OPT_EMPTY),
	TAGGED(&asn_int_blob, CERT_AUTHORITY_KEY_ID_INFO, CertSerialNumber, ASN_IMPLICIT(2),
	       ASN_OPT_EMPTY),
};
static const struct asn_type authority_key_id =
	ASN_SEQ(DER_SEQUENCE, CERT_AUTHORITY_KEY_ID_INFO, authority_key_id_fields);
static const struct asn_field authority_key_id2_fields[] = {
	TAGGED(&asn_octets, CERT_AUTHORITY_KEY_ID2_INFO, KeyId, ASN_IMPLICIT(0), ASN_OPT_EMPTY),
	TAGGED(&alt_name, CERT_AUTHORITY_KEY_ID2_INFO, AuthorityCertIssuer, ASN_IMPLICIT(1),
	       ASN_OPT_EMPTY),
	TAGGED(&asn_int_blob, CERT_AUTHORITY_KEY_ID2_INFO, AuthorityCertSerialNumber,
	       ASN_IMPLICIT(2), ASN_OPT_EMPTY),
};
static const struct asn_type authority_key_id2 =
	ASN_SEQ(DER_SEQUENCE, CERT_AUTHORITY_KEY_ID2_INFO, authority_key_id2_fields);

static const struct asn_field access_description_fields[] = {
	F(&asn_oid, CERT_ACCESS_DESCRIPTION, pszAccessMethod),
	F(&asn_alt_entry, CERT_ACCESS_DESCRIPTION, AccessLocation),
};
static const struct asn_type access_description =
	ASN_SEQ(DER_SEQUENCE, CERT_ACCESS_DESCRIPTION, access_description_fields);
static const struct asn_type authority_info_access = ASN_ARRAY(DER_SEQUENCE, &access_description);

/* CRL distribution points (RFC 5280 4.2.1.13, 5.2.5) */
static const struct asn_alternative dist_point_names[] = {
	{ CRL_DIST_POINT_FULL_NAME, ASN_IMPLICIT(0), &alt_name },
	{ CRL_DIST_POINT_ISSUER_RDN_NAME, 1, NULL },
};
static const struct asn_type dist_point_name = {
	.tag = ASN_ANY_TAG, .size = sizeof(CRL_DIST_POINT_NAME), .encode = asn_encode_choice,
	.decode = asn_decode_choice, .accepts = asn_choice_accepts, .is_empty = asn_array_empty,
	.alternatives = dist_point_names, .n_alternatives = ARRAYSIZE(dist_point_names),
	.array_offset = 8
};
static const struct asn_field dist_point_fields[] = {
	TAGGED(&dist_point_name, CRL_DIST_POINT, DistPointName, ASN_EXPLICIT(0), ASN_OPT_EMPTY),
	TAGGED(&asn_bits, CRL_DIST_POINT, ReasonFlags, ASN_IMPLICIT(1), ASN_OPT_EMPTY),
	TAGGED(&alt_name, CRL_DIST_POINT, CRLIssuer, ASN_IMPLICIT(2), ASN_OPT_EMPTY),
};
static const struct asn_type dist_point = ASN_SEQ(DER_SEQUENCE, CRL_DIST_POINT, dist_point_fields);
static const struct asn_type dist_points = {
	.tag = DER_SEQUENCE, .size = sizeof(CRL_DIST_POINTS_INFO), .encode = asn_encode_array,
	.decode = asn_decode_array, .element = &dist_point, .count_offset = 0, .array_offset = 8,
	.param = TRUE /* at least one */
};
static const struct asn_field issuing_dist_point_fields[] = {
	TAGGED(&dist_point_name, CRL_ISSUING_DIST_POINT, DistPointName, ASN_EXPLICIT(0),
	       ASN_OPT_EMPTY),
	TAGGED(&asn_bool, CRL_ISSUING_DIST_POINT, fOnlyContainsUserCerts, ASN_IMPLICIT(1),
	       ASN_OPT_EMPTY),
	TAGGED(&asn_bool, CRL_ISSUING_DIST_POINT, fOnlyContainsCACerts, ASN_IMPLICIT(2),
	       ASN_OPT_EMPTY),
	TAGGED(&asn_bits, CRL_ISSUING_DIST_POINT, OnlySomeReasonFlags, ASN_IMPLICIT(3),
	       ASN_OPT_EMPTY),
	TAGGED(&asn_bool, CRL_ISSUING_DIST_POINT, fIndirectCRL, ASN_IMPLICIT(4), ASN_OPT_EMPTY),
};
static const struct asn_type issuing_dist_point =
	ASN_SEQ(DER_SEQUENCE, CRL_ISSUING_DIST_POINT, issuing_dist_point_fields);

/* PKCS #7 / CMS pieces */
static const struct asn_field content_info_fields[] = {
	F(&asn_oid, CRYPT_CONTENT_INFO, pszObjId),
	TAGGED(&asn_any, CRYPT_CONTENT_INFO, Content, ASN_EXPLICIT(0), ASN_OPT_EMPTY),
};
static const struct asn_type content_info =
	ASN_SEQ(DER_SEQUENCE, CRYPT_CONTENT_INFO, content_info_fields);
static const struct asn_type attribute_values = {
	.tag = DER_SET, .size = sizeof(DWORD) + sizeof(void *), .encode = asn_encode_array,
	.decode = asn_decode_array, .element = &asn_any, .count_offset = 0,
	.array_offset = offsetof(CRYPT_ATTRIBUTE, rgValue) - offsetof(CRYPT_ATTRIBUTE, cValue)
};
static const struct asn_field attribute_fields[] = {
	F(&asn_oid, CRYPT_ATTRIBUTE, pszObjId),
	F(&attribute_values, CRYPT_ATTRIBUTE, cValue),
};
static const struct asn_type attribute = ASN_SEQ(DER_SEQUENCE, CRYPT_ATTRIBUTE, attribute_fields);
static const struct asn_type attributes = ASN_ARRAY(DER_SET, &attribute);
static const struct asn_field smime_capability_fields[] = {
	F(&asn_oid, CRYPT_SMIME_CAPABILITY, pszObjId),
	OPT(&asn_any, CRYPT_SMIME_CAPABILITY, Parameters),
};
static const struct asn_type smime_capability =
	ASN_SEQ(DER_SEQUENCE, CRYPT_SMIME_CAPABILITY, smime_capability_fields);
static const struct asn_type smime_capabilities = ASN_ARRAY(DER_SEQUENCE, &smime_capability);

/* SignerInfo (PKCS #7 9.2): the algorithms always carry parameters (NULL) */
static const struct asn_field algorithm_null_fields[] = {
	F(&asn_oid_or_empty, CRYPT_ALGORITHM_IDENTIFIER, pszObjId),
	F(&asn_any_or_null, CRYPT_ALGORITHM_IDENTIFIER, Parameters),
};
static const struct asn_type algorithm_null =
	ASN_SEQ(DER_SEQUENCE, CRYPT_ALGORITHM_IDENTIFIER, algorithm_null_fields);
struct issuer_serial {
	CERT_NAME_BLOB issuer;
	CRYPT_INTEGER_BLOB serial;
};
static const struct asn_field issuer_serial_fields[] = {
	{ &asn_any, offsetof(struct issuer_serial, issuer), 0, ASN_NONEMPTY, 0 },
	F(&asn_int_blob, struct issuer_serial, serial),
};
static const struct asn_type issuer_serial =
	ASN_SEQ(DER_SEQUENCE, struct issuer_serial, issuer_serial_fields);
static const struct asn_field signer_info_fields[] = {
	F(&asn_int, CMSG_SIGNER_INFO, dwVersion),
	F(&issuer_serial, CMSG_SIGNER_INFO, Issuer),
	F(&algorithm_null, CMSG_SIGNER_INFO, HashAlgorithm),
	TAGGED(&attributes, CMSG_SIGNER_INFO, AuthAttrs, ASN_IMPLICIT(0), ASN_OPT_EMPTY),
	F(&algorithm_null, CMSG_SIGNER_INFO, HashEncryptionAlgorithm),
	F(&asn_octets, CMSG_SIGNER_INFO, EncryptedHash),
	TAGGED(&attributes, CMSG_SIGNER_INFO, UnauthAttrs, ASN_IMPLICIT(1), ASN_OPT_EMPTY),
};
static const struct asn_type signer_info =
	ASN_SEQ(DER_SEQUENCE, CMSG_SIGNER_INFO, signer_info_fields);

/* CMS SignerInfo (RFC 5652 5.3) */
static const struct asn_alternative signer_ids[] = {
	{ CERT_ID_ISSUER_SERIAL_NUMBER, 0, &issuer_serial },
	{ CERT_ID_KEY_IDENTIFIER, ASN_IMPLICIT(0), &asn_octets },
};
static const struct asn_type signer_id = ASN_CHOICE(CERT_ID, signer_ids, 8);
static const struct asn_field cms_signer_info_fields[] = {
	F(&asn_int, CMSG_CMS_SIGNER_INFO, dwVersion),
	F(&signer_id, CMSG_CMS_SIGNER_INFO, SignerId),
	F(&algorithm_null, CMSG_CMS_SIGNER_INFO, HashAlgorithm),
	TAGGED(&attributes, CMSG_CMS_SIGNER_INFO, AuthAttrs, ASN_IMPLICIT(0), ASN_OPT_EMPTY),
	F(&algorithm_null, CMSG_CMS_SIGNER_INFO, HashEncryptionAlgorithm),
	F(&asn_octets, CMSG_CMS_SIGNER_INFO, EncryptedHash),
	TAGGED(&attributes, CMSG_CMS_SIGNER_INFO, UnauthAttrs, ASN_IMPLICIT(1), ASN_OPT_EMPTY),
};
static const struct asn_type cms_signer_info =
	ASN_SEQ(DER_SEQUENCE, CMSG_CMS_SIGNER_INFO, cms_signer_info_fields);

/* Certificate trust lists (Microsoft's CertificateTrustList) */
static const struct asn_field ctl_entry_fields[] = {
	F(&asn_octets, CTL_ENTRY, SubjectIdentifier),
	OPT(&attributes, CTL_ENTRY, cAttribute),
};
static const struct asn_type ctl_entry = ASN_SEQ(DER_SEQUENCE, CTL_ENTRY, ctl_entry_fields);
static const struct asn_type ctl_entries = ASN_ARRAY(DER_SEQUENCE, &ctl_entry);
static const struct asn_field ctl_fields[] = {
	OPT(&asn_int, CTL_INFO, dwVersion),
	F(&oids, CTL_INFO, SubjectUsage),
	OPT(&asn_octets, CTL_INFO, ListIdentifier),
	OPT(&asn_int_blob, CTL_INFO, SequenceNumber),
	F(&asn_time, CTL_INFO, ThisUpdate),
	OPT(&asn_time, CTL_INFO, NextUpdate),
	F(&algorithm, CTL_INFO, SubjectAlgorithm),
	OPT(&ctl_entries, CTL_INFO, cCTLEntry),
	TAGGED(&extensions, CTL_INFO, cExtension, ASN_EXPLICIT(0), ASN_OPT_EMPTY),
};
static const struct asn_type ctl = ASN_SEQ(DER_SEQUENCE, CTL_INFO, ctl_fields);

/* Name constraints, policies (RFC 5280 4.2.1.4, 4.2.1.5, 4.2.1.10, 4.2.1.11) */
static const struct asn_field subtree_fields[] = {
	F(&asn_alt_entry, CERT_GENERAL_SUBTREE, Base),
	TAGGED(&asn_int, CERT_GENERAL_SUBTREE, dwMinimum, ASN_IMPLICIT(0), ASN_OPT_EMPTY),
	{ &asn_int, offsetof(CERT_GENERAL_SUBTREE, dwMaximum), ASN_IMPLICIT(1), ASN_OPT_FLAG,
	  offsetof(CERT_GENERAL_SUBTREE, fMaximum) },
};
static const struct asn_type subtree = ASN_SEQ(DER_SEQUENCE, CERT_GENERAL_SUBTREE, subtree_fields);
static const struct asn_type subtrees = ASN_ARRAY(DER_SEQUENCE, &subtree);
static const struct asn_field name_constraints_fields[] = {
	TAGGED(&subtrees, CERT_NAME_CONSTRAINTS_INFO, cPermittedSubtree, ASN_IMPLICIT(0),
	       ASN_OPT_EMPTY),
	TAGGED(&subtrees, CERT_NAME_CONSTRAINTS_INFO, cExcludedSubtree, ASN_IMPLICIT(1),
	       ASN_OPT_EMPTY),
};
static const struct asn_type name_constraints =
	ASN_SEQ(DER_SEQUENCE, CERT_NAME_CONSTRAINTS_INFO, name_constraints_fields);
static const struct asn_field policy_qualifier_fields[] = {
	F(&asn_oid, CERT_POLICY_QUALIFIER_INFO, pszPolicyQualifierId),
	OPT(&asn_any, CERT_POLICY_QUALIFIER_INFO, Qualifier),
};
static const struct asn_type policy_qualifier =
	ASN_SEQ(DER_SEQUENCE, CERT_POLICY_QUALIFIER_INFO, policy_qualifier_fields);
static const struct asn_type policy_qualifiers = ASN_ARRAY(DER_SEQUENCE, &policy_qualifier);
static const struct asn_field policy_fields[] = {
	F(&asn_oid, CERT_POLICY_INFO, pszPolicyIdentifier),
	OPT(&policy_qualifiers, CERT_POLICY_INFO, cPolicyQualifier),
};
static const struct asn_type policy = ASN_SEQ(DER_SEQUENCE, CERT_POLICY_INFO, policy_fields);
static const struct asn_type policies = ASN_ARRAY(DER_SEQUENCE, &policy);
static const struct asn_field policy_mapping_fields[] = {
	F(&asn_oid, CERT_POLICY_MAPPING, pszIssuerDomainPolicy),
	F(&asn_oid, CERT_POLICY_MAPPING, pszSubjectDomainPolicy),
};
static const struct asn_type policy_mapping =
	ASN_SEQ(DER_SEQUENCE, CERT_POLICY_MAPPING, policy_mapping_fields);
static const struct asn_type policy_mappings = ASN_ARRAY(DER_SEQUENCE, &policy_mapping);
static const struct asn_field policy_constraints_fields[] = {
	{ &asn_int, offsetof(CERT_POLICY_CONSTRAINTS_INFO, dwRequireExplicitPolicySkipCerts),
	  ASN_IMPLICIT(0), ASN_OPT_FLAG, offsetof(CERT_POLICY_CONSTRAINTS_INFO, fRequireExplicitPolicy) },
	{ &asn_int, offsetof(CERT_POLICY_CONSTRAINTS_INFO, dwInhibitPolicyMappingSkipCerts),
	  ASN_IMPLICIT(1), ASN_OPT_FLAG, offsetof(CERT_POLICY_CONSTRAINTS_INFO, fInhibitPolicyMapping) },
};
static const struct asn_type policy_constraints =
	ASN_SEQ(DER_SEQUENCE, CERT_POLICY_CONSTRAINTS_INFO, policy_constraints_fields);
static const struct asn_type ints = {
	.tag = DER_SEQUENCE, .size = 16, .encode = asn_encode_array, .decode = asn_decode_array,
	.element = &asn_int, .count_offset = 0,
	.array_offset = offsetof(CERT_POLICY_QUALIFIER_NOTICE_REFERENCE, rgNoticeNumbers) -
			offsetof(CERT_POLICY_QUALIFIER_NOTICE_REFERENCE, cNoticeNumbers)
};
static const struct asn_field notice_reference_fields[] = {
	F(&asn_ia5_narrow, CERT_POLICY_QUALIFIER_NOTICE_REFERENCE, pszOrganization),
	F(&ints, CERT_POLICY_QUALIFIER_NOTICE_REFERENCE, cNoticeNumbers),
};
static const struct asn_type notice_reference =
	ASN_SEQ(DER_SEQUENCE, CERT_POLICY_QUALIFIER_NOTICE_REFERENCE, notice_reference_fields);
static const struct asn_type notice_reference_pointer = ASN_POINTER(&notice_reference);
static const struct asn_field user_notice_fields[] = {
	OPT(&notice_reference_pointer, CERT_POLICY_QUALIFIER_USER_NOTICE, pNoticeReference),
	OPT(&asn_display_text, CERT_POLICY_QUALIFIER_USER_NOTICE, pszDisplayText),
};
static const struct asn_type user_notice =
	ASN_SEQ(DER_SEQUENCE, CERT_POLICY_QUALIFIER_USER_NOTICE, user_notice_fields);

/* OCSP (RFC 6960 4.1, 4.2) */
static const struct asn_field cert_id_fields[] = {
	F(&algorithm_null, OCSP_CERT_ID, HashAlgorithm),
	F(&asn_octets, OCSP_CERT_ID, IssuerNameHash),
	F(&asn_octets, OCSP_CERT_ID, IssuerKeyHash),
	F(&asn_int_blob, OCSP_CERT_ID, SerialNumber),
};
static const struct asn_type cert_id = ASN_SEQ(DER_SEQUENCE, OCSP_CERT_ID, cert_id_fields);
static const struct asn_field request_entry_fields[] = {
	F(&cert_id, OCSP_REQUEST_ENTRY, CertId),
	TAGGED(&extensions, OCSP_REQUEST_ENTRY, cExtension, ASN_EXPLICIT(0), ASN_OPT_EMPTY),
};
static const struct asn_type request_entry =
	ASN_SEQ(DER_SEQUENCE, OCSP_REQUEST_ENTRY, request_entry_fields);
static const struct asn_type request_entries = ASN_ARRAY(DER_SEQUENCE, &request_entry);
static const struct asn_type alt_entry_pointer = ASN_POINTER(&asn_alt_entry);
static const struct asn_field ocsp_request_fields[] = {
	TAGGED(&asn_int, OCSP_REQUEST_INFO, dwVersion, ASN_EXPLICIT(0), ASN_OPT_EMPTY),
	TAGGED(&alt_entry_pointer, OCSP_REQUEST_INFO, pRequestorName, ASN_EXPLICIT(1),
	       ASN_OPT_EMPTY),
	F(&request_entries, OCSP_REQUEST_INFO, cRequestEntry),
	TAGGED(&extensions, OCSP_REQUEST_INFO, cExtension, ASN_EXPLICIT(2), ASN_OPT_EMPTY),
};
static const struct asn_type ocsp_request =
	ASN_SEQ(DER_SEQUENCE, OCSP_REQUEST_INFO, ocsp_request_fields);
static const struct asn_type cert_blobs = ASN_ARRAY(DER_SEQUENCE, &asn_any);
static const struct asn_field ocsp_signature_fields[] = {
	F(&algorithm, OCSP_SIGNATURE_INFO, SignatureAlgorithm),
	F(&asn_bits, OCSP_SIGNATURE_INFO, Signature),
	TAGGED(&cert_blobs, OCSP_SIGNATURE_INFO, cCertEncoded, ASN_EXPLICIT(0), ASN_OPT_EMPTY),
};
static const struct asn_type ocsp_signature =
	ASN_SEQ(DER_SEQUENCE, OCSP_SIGNATURE_INFO, ocsp_signature_fields);
static const struct asn_type ocsp_signature_pointer = ASN_POINTER(&ocsp_signature);
static const struct asn_field ocsp_signed_request_fields[] = {
	F(&asn_any, OCSP_SIGNED_REQUEST_INFO, ToBeSigned),
	TAGGED(&ocsp_signature_pointer, OCSP_SIGNED_REQUEST_INFO, pOptionalSignatureInfo,
	       ASN_EXPLICIT(0), ASN_OPT_EMPTY),
};
static const struct asn_type ocsp_signed_request =
	ASN_SEQ(DER_SEQUENCE, OCSP_SIGNED_REQUEST_INFO, ocsp_signed_request_fields);

struct response_bytes {
	LPSTR type;
	CRYPT_OBJID_BLOB value;
};
static const struct asn_field response_bytes_fields[] = {
	F(&asn_oid, struct response_bytes, type),
	F(&asn_octets, struct response_bytes, value),
};
static const struct asn_type response_bytes =
	ASN_SEQ(DER_SEQUENCE, struct response_bytes, response_bytes_fields);
static const struct asn_field ocsp_response_fields[] = {
	F(&asn_enumerated, OCSP_RESPONSE_INFO, dwStatus),
	TAGGED(&response_bytes, OCSP_RESPONSE_INFO, pszObjId, ASN_EXPLICIT(0), ASN_OPT_EMPTY),
};
static const struct asn_type ocsp_response =
	ASN_SEQ(DER_SEQUENCE, OCSP_RESPONSE_INFO, ocsp_response_fields);
static const struct asn_field basic_signed_response_fields[] = {
	F(&asn_any, OCSP_BASIC_SIGNED_RESPONSE_INFO, ToBeSigned),
	F(&algorithm, OCSP_BASIC_SIGNED_RESPONSE_INFO, SignatureInfo.SignatureAlgorithm),
	F(&asn_bits, OCSP_BASIC_SIGNED_RESPONSE_INFO, SignatureInfo.Signature),
	TAGGED(&cert_blobs, OCSP_BASIC_SIGNED_RESPONSE_INFO, SignatureInfo.cCertEncoded,
	       ASN_EXPLICIT(0), ASN_OPT_EMPTY),
};
static const struct asn_type basic_signed_response =
	ASN_SEQ(DER_SEQUENCE, OCSP_BASIC_SIGNED_RESPONSE_INFO, basic_signed_response_fields);
static const struct asn_field revoked_info_fields[] = {
	F(&asn_time, OCSP_BASIC_REVOKED_INFO, RevocationDate),
	TAGGED(&asn_enumerated, OCSP_BASIC_REVOKED_INFO, dwCrlReasonCode, ASN_EXPLICIT(0),
	       ASN_OPT_EMPTY),
};
static const struct asn_type revoked_info =
	ASN_SEQ(DER_SEQUENCE, OCSP_BASIC_REVOKED_INFO, revoked_info_fields);
static const struct asn_type revoked_info_pointer = ASN_POINTER(&revoked_info);
static const struct asn_alternative cert_statuses[] = {
	{ OCSP_BASIC_GOOD_CERT_STATUS, ASN_IMPLICIT(0), &asn_null },
	{ OCSP_BASIC_REVOKED_CERT_STATUS, ASN_IMPLICIT(1), &revoked_info_pointer },
	{ OCSP_BASIC_UNKNOWN_CERT_STATUS, ASN_IMPLICIT(2), &asn_null },
};
struct cert_status {
	DWORD choice;
	POCSP_BASIC_REVOKED_INFO revoked;
};
static const struct asn_type cert_status = ASN_CHOICE(struct cert_status, cert_statuses, 8);
static const struct asn_field response_entry_fields[] = {
	F(&cert_id, OCSP_BASIC_RESPONSE_ENTRY, CertId),
	F(&cert_status, OCSP_BASIC_RESPONSE_ENTRY, dwCertStatus),
	F(&asn_time, OCSP_BASIC_RESPONSE_ENTRY, ThisUpdate),
	TAGGED(&asn_time, OCSP_BASIC_RESPONSE_ENTRY, NextUpdate, ASN_EXPLICIT(0), ASN_OPT_EMPTY),
	TAGGED(&extensions, OCSP_BASIC_RESPONSE_ENTRY, cExtension, ASN_EXPLICIT(1),
	       ASN_OPT_EMPTY),
};
static const struct asn_type response_entry =
	ASN_SEQ(DER_SEQUENCE, OCSP_BASIC_RESPONSE_ENTRY, response_entry_fields);
static const struct asn_type response_entries = ASN_ARRAY(DER_SEQUENCE, &response_entry);
static const struct asn_alternative responder_ids[] = {
	{ OCSP_BASIC_BY_NAME_RESPONDER_ID, ASN_EXPLICIT(1), &asn_any },
	{ OCSP_BASIC_BY_KEY_RESPONDER_ID, ASN_EXPLICIT(2), &asn_octets },
};
struct responder_id {
	DWORD choice;
	CRYPT_DATA_BLOB id;
};
static const struct asn_type responder_id = ASN_CHOICE(struct responder_id, responder_ids, 4);
static const struct asn_field basic_response_fields[] = {
	TAGGED(&asn_int, OCSP_BASIC_RESPONSE_INFO, dwVersion, ASN_EXPLICIT(0), ASN_OPT_EMPTY),
	F(&responder_id, OCSP_BASIC_RESPONSE_INFO, dwResponderIdChoice),
	F(&asn_time, OCSP_BASIC_RESPONSE_INFO, ProducedAt),
	F(&response_entries, OCSP_BASIC_RESPONSE_INFO, cResponseEntry),
	TAGGED(&extensions, OCSP_BASIC_RESPONSE_INFO, cExtension, ASN_EXPLICIT(1), ASN_OPT_EMPTY),
};
static const struct asn_type basic_response =
	ASN_SEQ(DER_SEQUENCE, OCSP_BASIC_RESPONSE_INFO, basic_response_fields);

/* The names of the structures */
struct asn_name {
	LPCSTR name; /* a predefined number or an OID string */
	const struct asn_type *type;
	BOOL pkcs7; /* encoded only under PKCS_7_ASN_ENCODING (else E_INVALIDARG) */
};

static const struct asn_name asn_names[] = {
	{ X509_CERT, &signed_content },
	{ X509_CERT_TO_BE_SIGNED, &cert_info },
	{ X509_CERT_CRL_TO_BE_SIGNED, &crl_info },
	{ X509_EXTENSIONS, &extensions },
	{ X509_NAME_VALUE, &asn_name_value },
	{ X509_NAME, &name },
	{ X509_PUBLIC_KEY_INFO, &public_key_info },
	{ X509_AUTHORITY_KEY_ID, &authority_key_id },
	{ X509_ALTERNATE_NAME, &alt_name },
	{ X509_BASIC_CONSTRAINTS, &basic_constraints },
	{ X509_KEY_USAGE, &asn_bits_trimmed },
	{ X509_BASIC_CONSTRAINTS2, &basic_constraints2 },
	{ PKCS_UTC_TIME, &asn_utc_time },
	{ RSA_CSP_PUBLICKEYBLOB, &asn_rsa_public_key },
	{ X509_UNICODE_NAME, &unicode_name },
	{ PKCS_ATTRIBUTE, &attribute },
	{ X509_UNICODE_NAME_VALUE, &asn_unicode_name_value },
	{ X509_OCTET_STRING, &asn_octets },
	{ X509_BITS, &asn_bits },
	{ X509_INTEGER, &asn_int },
	{ X509_MULTI_BYTE_INTEGER, &asn_int_blob },
	{ X509_ENUMERATED, &asn_enumerated },
	{ X509_CHOICE_OF_TIME, &asn_time },
	{ X509_AUTHORITY_KEY_ID2, &authority_key_id2 },
	{ X509_AUTHORITY_INFO_ACCESS, &authority_info_access },
	{ PKCS_CONTENT_INFO, &content_info },
	{ X509_ALGORITHM_IDENTIFIER, &algorithm },
	{ X509_SEQUENCE_OF_ANY, &sequence_of_any },
	{ X509_CRL_DIST_POINTS, &dist_points },
	{ X509_ENHANCED_KEY_USAGE, &oids },
	{ X509_MULTI_BYTE_UINT, &asn_uint_blob },
	{ PKCS_SMIME_CAPABILITIES, &smime_capabilities },
	{ PKCS_ATTRIBUTES, &attributes },
	{ X509_ISSUING_DIST_POINT, &issuing_dist_point },
	{ PKCS7_SIGNER_INFO, &signer_info, TRUE },
	{ CMS_SIGNER_INFO, &cms_signer_info, TRUE },
	{ CNG_RSA_PUBLIC_KEY_BLOB, &asn_cng_rsa_public_key },
	{ PKCS_RSA_PRIVATE_KEY, &asn_rsa_private_key },
	{ PKCS_CTL, &ctl },
	{ X509_NAME_CONSTRAINTS, &name_constraints },
	{ X509_CERT_POLICIES, &policies },
	{ X509_POLICY_MAPPINGS, &policy_mappings },
	{ X509_POLICY_CONSTRAINTS, &policy_constraints },
	{ X509_PKIX_POLICY_QUALIFIER_USERNOTICE, &user_notice },
	{ szOID_CTL, &ctl },
	{ szOID_NAME_CONSTRAINTS, &name_constraints },
	{ szOID_CERT_POLICIES, &policies },
	{ szOID_CERT_POLICIES_95, &policies },
	{ szOID_POLICY_MAPPINGS, &policy_mappings },
	{ szOID_LEGACY_POLICY_MAPPINGS, &policy_mappings },
	{ szOID_POLICY_CONSTRAINTS, &policy_constraints },
	{ szOID_PKIX_POLICY_QUALIFIER_USERNOTICE, &user_notice },
	{ OCSP_SIGNED_REQUEST, &ocsp_signed_request },
	{ OCSP_REQUEST, &ocsp_request },
	{ OCSP_RESPONSE, &ocsp_response },
	{ OCSP_BASIC_SIGNED_RESPONSE, &basic_signed_response },
	{ OCSP_BASIC_RESPONSE, &basic_response },
	{ szOID_AUTHORITY_KEY_IDENTIFIER, &authority_key_id },
	{ szOID_AUTHORITY_KEY_IDENTIFIER2, &authority_key_id2 },
	{ szOID_SUBJECT_ALT_NAME, &alt_name },
	{ szOID_ISSUER_ALT_NAME, &alt_name },
	{ szOID_SUBJECT_ALT_NAME2, &alt_name },
	{ szOID_ISSUER_ALT_NAME2, &alt_name },
	{ szOID_NEXT_UPDATE_LOCATION, &alt_name },
	{ szOID_BASIC_CONSTRAINTS, &basic_constraints },
	{ szOID_BASIC_CONSTRAINTS2, &basic_constraints2 },
	{ szOID_KEY_USAGE, &asn_bits_trimmed },
	{ szOID_SUBJECT_KEY_IDENTIFIER, &asn_octets },
	{ szOID_CRL_REASON_CODE, &asn_enumerated },
	{ szOID_CRL_NUMBER, &asn_int_blob },
	{ szOID_DELTA_CRL_INDICATOR, &asn_int_blob },
	{ szOID_CRL_DIST_POINTS, &dist_points },
	{ szOID_FRESHEST_CRL, &dist_points },
	{ szOID_ISSUING_DIST_POINT, &issuing_dist_point },
	{ szOID_ENHANCED_KEY_USAGE, &oids },
	{ szOID_AUTHORITY_INFO_ACCESS, &authority_info_access },
	{ szOID_SUBJECT_INFO_ACCESS, &authority_info_access },
	{ szOID_RSA_signingTime, &asn_utc_time },
	{ szOID_RSA_SMIMECapabilities, &smime_capabilities },
	{ szOID_CERT_EXTENSIONS, &extensions },
	{ szOID_RSA_certExtensions, &extensions },
};

const struct asn_type *asn_type_of(LPCSTR struct_type, BOOL *pkcs7_only)
{
	BOOL by_number = IS_INTRESOURCE(struct_type);

	for (size_t i = 0; i < ARRAYSIZE(asn_names); i++) {
		LPCSTR n = asn_names[i].name;

		if (by_number ? n == struct_type : !IS_INTRESOURCE(n) && !strcmp(n, struct_type)) {
			*pkcs7_only = asn_names[i].pkcs7;
			return asn_names[i].type;
		}
	}
	return NULL;
}
