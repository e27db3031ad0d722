/* lswhost's protocol: building, reading, sending and receiving messages. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>
#include "host/protocol.h"

const char *proto_type_name(uint32_t type)
{
	switch (type) {
#define PROTO_NAME(name, n) case n: return #name;
	PROTO_MESSAGES(PROTO_NAME)
#undef PROTO_NAME
	}
	return NULL;
}

static void put(struct proto_writer *w, const void *p, size_t n)
{
	if (w->failed)
		return;
	if (w->len + n > PROTO_MAX_PAYLOAD) {
		w->failed = true;
		return;
	}
	if (w->len + n > w->cap) {
		size_t cap = w->cap ? w->cap * 2 : 256;
		uint8_t *b;

		while (cap < w->len + n)
			cap *= 2;
		if (!(b = realloc(w->buf, cap))) {
			w->failed = true;
			return;
		}
		w->buf = b;
		w->cap = cap;
	}
	memcpy(w->buf + w->len, p, n);
	w->len += n;
}

/* x86-64 only: the host byte order is the wire's (little-endian). */
void proto_put_u32(struct proto_writer *w, uint32_t v)
{
	put(w, &v, 4);
}

void proto_put_u64(struct proto_writer *w, uint64_t v)
{
	put(w, &v, 8);
}

void proto_put_str(struct proto_writer *w, const char *s)
{
	size_t n = s ? strlen(s) : 0;

	if (n > PROTO_MAX_STRING) {
		w->failed = true;
		return;
	}
	proto_put_u32(w, (uint32_t)n);
	put(w, s, n);
}

void proto_put_strv(struct proto_writer *w, char *const *v, uint32_t n)
{
	proto_put_u32(w, n);
	for (uint32_t i = 0; i < n; i++)
		proto_put_str(w, v[i]);
}

void proto_writer_free(struct proto_writer *w)
{
	free(w->buf);
	memset(w, 0, sizeof(*w));
}

static bool take(struct proto_reader *r, void *out, size_t n)
{
	if (r->bad || r->left < n) {
		r->bad = true;
		memset(out, 0, n);
		return false;
	}
	memcpy(out, r->p, n);
	r->p += n;
	r->left -= n;
	return true;
}

uint32_t proto_get_u32(struct proto_reader *r)
{
	uint32_t v;

	take(r, &v, 4);
	return v;
}

uint64_t proto_get_u64(struct proto_reader *r)
{
	uint64_t v;

	take(r, &v, 8);
	return v;
}

char *proto_get_str(struct proto_reader *r, size_t max)
{
	uint32_t n = proto_get_u32(r);
	char *s;

	if (r->bad || n > max || n > r->left || memchr(r->p, 0, n)) {
		r->bad = true;
		return NULL;
	}
	if (!(s = malloc((size_t)n + 1))) {
		r->bad = true;
		return NULL;
	}
	memcpy(s, r->p, n);
	s[n] = 0;
	r->p += n;
	r->left -= n;
	return s;
}

char **proto_get_strv(struct proto_reader *r, uint32_t max, uint32_t *n)
{
	uint32_t count = proto_get_u32(r);
	char **v;

	*n = 0;
	/* each string takes at least its 4-byte length: a count the payload
	 * cannot hold is refused before anything is allocated for it */
	if (r->bad || count > max || count > r->left / 4) {
		r->bad = true;
		return NULL;
	}
	if (!(v = calloc((size_t)count + 1, sizeof(*v)))) {
		r->bad = true;
		return NULL;
	}
	for (uint32_t i = 0; i < count; i++)
		if (!(v[i] = proto_get_str(r, PROTO_MAX_STRING))) {
			proto_strv_free(v);
			return NULL;
		}
	*n = count;
	return v;
}

bool proto_done(const struct proto_reader *r)
{
	return !r->bad && r->left == 0;
}

void proto_strv_free(char **v)
{
	for (size_t i = 0; v && v[i]; i++)
		free(v[i]);
	free(v);
}

static int send_all(int sock, const void *p, size_t n)
{
	const uint8_t *b = p;

	while (n) {
		ssize_t k = send(sock, b, n, MSG_NOSIGNAL);

		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return -1;
		b += k;
		n -= (size_t)k;
	}
	return 0;
}

int proto_send(int sock, uint32_t type, const struct proto_writer *w, const int *fds,
	       unsigned nfds)
{
	struct proto_header h = { w ? (uint32_t)w->len : 0, type };
	union { char buf[CMSG_SPACE(sizeof(int) * PROTO_RUN_FDS)]; struct cmsghdr align; } u;
	/* header and fields in one call (a system call less per message) */
	struct iovec iov[2] = { { &h, sizeof(h) }, { w ? w->buf : NULL, h.size } };
	struct msghdr m = { .msg_iov = iov, .msg_iovlen = h.size ? 2 : 1 };
	ssize_t k;

	if ((w && w->failed) || nfds > PROTO_RUN_FDS) {
		errno = EMSGSIZE;
		return -1;
	}
	if (nfds) {
		memset(&u, 0, sizeof(u));
		m.msg_control = u.buf;
		m.msg_controllen = CMSG_SPACE(sizeof(int) * nfds);
		struct cmsghdr *c = CMSG_FIRSTHDR(&m);
		c->cmsg_level = SOL_SOCKET;
		c->cmsg_type = SCM_RIGHTS;
		c->cmsg_len = CMSG_LEN(sizeof(int) * nfds);
		memcpy(CMSG_DATA(c), fds, sizeof(int) * nfds);
	}
	do
		k = sendmsg(sock, &m, MSG_NOSIGNAL);
	while (k < 0 && errno == EINTR);
	if (k < 0)
		return -1;
	if ((size_t)k < sizeof(h)) {
		if (send_all(sock, (uint8_t *)&h + k, sizeof(h) - (size_t)k) < 0)
			return -1;
		k = sizeof(h);
	}
	if (!h.size)
		return 0;
	return send_all(sock, (const uint8_t *)iov[1].iov_base + (k - sizeof(h)),
			h.size - (size_t)(k - sizeof(h)));
}

int proto_send_error(int sock, uint32_t code, const char *message)
{
	struct proto_writer w = { 0 };
	int r;

	proto_put_u32(&w, code);
	proto_put_str(&w, message);
	r = proto_send(sock, PROTO_ERROR, &w, NULL, 0);
	proto_writer_free(&w);
	return r;
}

/* Reads n bytes; fds that come with them are kept (at most maxfds, the
 * rest closed and the message refused). */
static int recv_all(int sock, void *p, size_t n, int *fds, unsigned maxfds, unsigned *nfds)
{
	uint8_t *b = p;

	while (n) {
		union { char buf[CMSG_SPACE(sizeof(int) * 16)]; struct cmsghdr align; } u;
		struct iovec iov = { b, n };
		struct msghdr m = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = u.buf,
				    .msg_controllen = sizeof(u.buf) };
		ssize_t k = recvmsg(sock, &m, MSG_CMSG_CLOEXEC);

		if (k < 0 && errno == EINTR)
			continue;
		if (k == 0)
			errno = ECONNRESET;
		if (k <= 0)
			return -1;
		for (struct cmsghdr *c = CMSG_FIRSTHDR(&m); c; c = CMSG_NXTHDR(&m, c)) {
			if (c->cmsg_level != SOL_SOCKET || c->cmsg_type != SCM_RIGHTS)
				continue;
			size_t count = (c->cmsg_len - CMSG_LEN(0)) / sizeof(int);
			int *in = (int *)CMSG_DATA(c);

			for (size_t i = 0; i < count; i++) {
				if (*nfds < maxfds)
					fds[(*nfds)++] = in[i];
				else
					close(in[i]);
			}
		}
		b += k;
		n -= (size_t)k;
	}
	return 0;
}

int proto_recv(int sock, struct proto_header *h, uint8_t **payload, int *fds,
	       unsigned maxfds, unsigned *nfds)
{
	unsigned got = 0;

	*payload = NULL;
	if (recv_all(sock, h, sizeof(*h), fds, maxfds, &got) < 0)
		goto fail;
	if (h->size > PROTO_MAX_PAYLOAD || !proto_type_name(h->type)) {
		errno = EPROTO;
		goto fail;
	}
	if (!(*payload = malloc(h->size ? h->size : 1)))
		goto fail;
	if (recv_all(sock, *payload, h->size, fds, maxfds, &got) < 0)
		goto fail;
	if (nfds)
		*nfds = got;
	return 0;
fail:
	for (unsigned i = 0; i < got; i++)
		close(fds[i]);
	free(*payload);
	*payload = NULL;
	if (nfds)
		*nfds = 0;
	return -1;
}

const char *proto_build_id(void)
{
	static char id[128];
	struct stat st;

	if (id[0])
		return id;
	if (stat("/proc/self/exe", &st) < 0)
		memset(&st, 0, sizeof(st));
	snprintf(id, sizeof(id), "%llx:%llx:%llx.%09ld", (unsigned long long)st.st_ino, (unsigned long long)st.st_size,
		 (unsigned long long)st.st_mtim.tv_sec, st.st_mtim.tv_nsec);
	return id;
}
