/*
 * mmapv-run: the oracle's user program for one batch of scenarios.
 *
 * For each case it forks a child that runs the case's steps against /dev/mmapvN (minor N = case index)
 * and prints one machine-readable "@U" record per outcome; after every outcome it copies the driver's
 * pending log lines out as "@K" lines, so the records are in event order. Every line is sealed with a
 * sequence number and a CRC-32 (emit(), the transport the host checks). SIGBUS/SIGSEGV are caught
 * with sigsetjmp/siglongjmp and reported with si_code and si_addr. The parent reaps each child with a time
 * limit and reports how it ended. Every record is printed with a REC_* format of mmapv_protocol.h,
 * generated from the C# declaration the log parser reads (Mmap.Oracle.Logs.LogProtocol).
 *
 * This file is fixed; only the two included mmapv_*.h headers are generated (the oracle inlines them into
 * one mmapv-run.c per batch).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <malloc.h>
#include <setjmp.h>
#include <stdarg.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/io.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define CASE_TIMEOUT_SECONDS 5

/* A byte pattern a step refers to by index. */
struct pat {
	int len;
	int bytes[16];
};

/* One case: its steps and patterns (ranges of steps[] and pats[]) and the driver's fill. */
struct pcase {
	int first_step, nsteps, first_pat, fill_len;
	int fill[16];
};

#include "mmapv_protocol.h"
#include "mmapv_run_batch.h"

static sigjmp_buf jump;
static volatile sig_atomic_t armed;
static volatile int sig_no, sig_code;
static volatile unsigned long sig_addr;
static int log_fd = -1;
static int kmsg_fd = -1;
static char logbuf[1 << 16];

/*
 * The transport (Mmap.Oracle.Logs.RecordTransport): emit() assembles the program's output into lines and seals
 * each complete line with TRANSPORT_SEAL: a sequence number from one counter shared by the parent and every child
 * (a MAP_SHARED page made before the first fork), and the CRC-32 of the line's text. The host checks that no
 * number is missing, repeated or garbled; the batch ends with TRANSPORT_BATCH_END naming how many came before.
 * The lines go to QEMU's debug port TRANSPORT_RECORD_PORT (bytes straight into a host file: no tty, no UART, nothing
 * buffered in the guest), or to stdout when the program runs without TRANSPORT_RECORD_PORT_OPTION.
 */
struct transport {
	unsigned long seq;	/* the next line's sequence number */
	unsigned long writing;	/* 1 + the number of the line being written, 0 between lines */
};
static struct transport *transport;
static int record_port_open;
static char out_line[8192];
static size_t out_len;
static unsigned int crc_table[256];

static void crc32_init(void)
{
	unsigned int i, k, c;

	for (i = 0; i < 256; i++) {
		for (c = i, k = 0; k < 8; k++)
			c = (c & 1) ? TRANSPORT_CRC32_POLY ^ (c >> 1) : c >> 1;
		crc_table[i] = c;
	}
}

static unsigned int crc32_of(const char *s, size_t n)
{
	unsigned int crc = 0xffffffffu;

	while (n--)
		crc = crc_table[(crc ^ (unsigned char)*s++) & 0xff] ^ (crc >> 8);
	return ~crc;
}

/* Writes a whole buffer to the records channel: the debug port if we have it, else stdout. */
static void put(const char *p, size_t n)
{
	size_t done = 0;

	if (record_port_open) {
		/* QEMU's debug port takes the bytes one by one and appends them to the host's records file at once. */
		__asm__ volatile("rep outsb" : "+S"(p), "+c"(n) : "d"((unsigned short)TRANSPORT_RECORD_PORT) : "memory");
		return;
	}
	while (done < n) {
		ssize_t w = write(STDOUT_FILENO, p + done, n - done);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			break;
		done += (size_t)w;
	}
}

/*
 * Writes out_line[0..len) as one sealed line. One process writes at a time: a case's child while it lives, the parent
 * only once the child is gone (reap() watches the kernel log without printing), so lines never interleave. A child
 * killed mid-line (on its time limit, by the OOM killer) leaves transport->writing set: the parent then ends the cut
 * line and says which number it had (torn_line()), so the host knows that line, and only it, is lost.
 */
static void seal(size_t len)
{
	static char sealed[sizeof(out_line) + 32];
	unsigned long seq = __atomic_fetch_add(&transport->seq, 1, __ATOMIC_SEQ_CST);
	size_t n = len;

	memcpy(sealed, out_line, len);
	n += (size_t)snprintf(sealed + len, sizeof(sealed) - len, TRANSPORT_SEAL, seq, crc32_of(out_line, len));
	__atomic_store_n(&transport->writing, seq + 1, __ATOMIC_SEQ_CST);
	put(sealed, n);
	__atomic_store_n(&transport->writing, 0, __ATOMIC_SEQ_CST);
	out_len -= len + 1;
	memmove(out_line, out_line + len + 1, out_len);
}

static __attribute__((format(printf, 1, 2))) void emit(const char *fmt, ...)
{
	va_list ap;
	char *nl;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(out_line + out_len, sizeof(out_line) - out_len, fmt, ap);
	va_end(ap);
	if (n < 0 || out_len + (size_t)n >= sizeof(out_line)) {
		/* A line longer than the buffer: never cut it silently, say so in its place. */
		out_len = (size_t)snprintf(out_line, sizeof(out_line), "%s\n", TRANSPORT_OVERFLOW);
	} else {
		out_len += (size_t)n;
	}
	while ((nl = memchr(out_line, '\n', out_len)) != NULL)
		seal((size_t)(nl - out_line));
}

static void on_fault(int signo, siginfo_t *info, void *context)
{
	(void)context;
	if (!armed) {
		signal(signo, SIG_DFL);
		raise(signo);
		return;
	}
	armed = 0;
	sig_no = signo;
	sig_code = info->si_code;
	sig_addr = (unsigned long)info->si_addr;
	siglongjmp(jump, 1);
}

/*
 * Copies the driver's pending log lines to stdout, each prefixed with "@K ". A line cut by the end of a read is
 * kept and completed by the next read.
 */
static void drain(void)
{
	static size_t kept;
	ssize_t n;

	while ((n = read(log_fd, logbuf + kept, sizeof(logbuf) - 1 - kept)) > 0) {
		char *line = logbuf, *end;
		size_t total = kept + (size_t)n;

		logbuf[total] = 0;
		while ((end = strchr(line, '\n')) != NULL) {
			*end = 0;
			emit(REC_DRIVER_LINE, line);
			line = end + 1;
		}
		kept = total - (size_t)(line - logbuf);
		if (kept == sizeof(logbuf) - 1) {
			emit(REC_DRIVER_LINE, TRANSPORT_OVERFLOW);
			kept = 0;
		}
		memmove(logbuf, line, kept);
	}
}

/* As the model's runner: a step naming a mapping that was never mapped does not run. */
static int runnable(const struct step *s, const int *mapped)
{
	switch (s->op) {
	case OP_MMAP:
		return s->hint_slot == 0 || mapped[s->hint_slot - 1];
	case OP_READ:
	case OP_WRITE:
	case OP_MPROTECT:
	case OP_MUNMAP:
	case OP_CHECK:
		return mapped[s->slot];
	default:
		return 1;
	}
}

/*
 * The text of the next /dev/kmsg record on fd ("PRIO,SEQ,TIME,FLAGS;TEXT"), without its newline, or NULL when no
 * record is waiting (the fd is non-blocking).
 */
static char *next_kmsg(int fd, char *rec, size_t size)
{
	ssize_t n;

	while ((n = read(fd, rec, size - 1)) > 0) {
		char *text;

		rec[n] = 0;
		text = strchr(rec, ';');
		if (!text)
			continue;
		text++;
		text[strcspn(text, "\n")] = 0;
		return text;
	}
	return NULL;
}

/* A kernel log line that reports a BUG or an oops (what makes a case end as END_BUG). */
static int oops_line(const char *text)
{
	return strstr(text, "BUG") || strstr(text, "Oops");
}

/*
 * Whether the kernel printed a BUG or an oops since the last look, read from the parent's own watching reader without
 * printing anything (the child may be writing; kernel_messages() prints the same messages once it is gone).
 */
static int watch_fd = -1;
/* Whether the watching reader saw an oops begin (a BUG or Oops line) and not yet its "---[ end trace" marker. */
static int oops_open;

static int kernel_bug_seen(void)
{
	char rec[1024], *text;
	int bug = 0;

	if (watch_fd < 0)
		return 0;
	while ((text = next_kmsg(watch_fd, rec, sizeof(rec)))) {
		if (oops_line(text))
			bug = oops_open = 1;
		if (strstr(text, "---[ end trace"))
			oops_open = 0;
	}
	return bug;
}

/*
 * Kernel messages about a BUG, oops or warning, attributed to the case that is running.
 * Returns 1 when the kernel reported a BUG or an oops.
 */
static int kernel_messages(int c)
{
	char rec[1024], *text;
	int bug = 0;

	if (kmsg_fd < 0)
		return 0;
	while ((text = next_kmsg(kmsg_fd, rec, sizeof(rec)))) {
		if (oops_line(text) || strstr(text, "RIP:") || strstr(text, "WARNING"))
			emit(REC_KERNEL_MESSAGE, c, text);
		if (oops_line(text))
			bug = 1;
	}
	return bug;
}

/*
 * The kernel warnings a step caused, read by the child from its own /dev/kmsg reader (opened at the start of
 * the case, so the parent's reader still sees every message): one record per "WARNING:" line.
 */
static int step_kmsg_fd = -1;

static void step_warnings(int c, int i)
{
	char rec[1024], *text;

	if (step_kmsg_fd < 0)
		return;
	while ((text = next_kmsg(step_kmsg_fd, rec, sizeof(rec))))
		if (strncmp(text, "WARNING:", 8) == 0)
			emit(REC_WARNING, c, i, text);
}

/*
 * The address space a case's steps run in holds nothing of the harness where the scenario's mappings go (below
 * mmap_base, top-down), as the model assumes: the harness's own data is in the static binary's segments and brk
 * heap (malloc never uses mmap: M_MMAP_MAX 0) and the sequence counter sits at TRANSPORT_SEQ_ADDRESS, far below.
 * 6.12 and 7.3 place the vDSO and its data pages at the top of the mmap area, where a scenario's first mapping
 * would lie directly below them; the child unmaps them before the first step (its code calls no vDSO function,
 * and x86-64 signal frames return through glibc's sa_restorer, not the vDSO).
 */
static void clear_mmap_area(void)
{
	FILE *maps = fopen("/proc/self/maps", "r");
	unsigned long lo[8], hi[8];
	char line[512];
	int n = 0, k;

	while (maps && n < 8 && fgets(line, sizeof(line), maps))
		if (strstr(line, "[vdso]") || strstr(line, "[vvar"))
			if (sscanf(line, "%lx-%lx", &lo[n], &hi[n]) == 2)
				n++;
	if (maps)
		fclose(maps);
	for (k = 0; k < n; k++)
		munmap((void *)lo[k], hi[k] - lo[k]);
}

static void run_case(int c)
{
	const struct pcase *pc = &pcases[c];
	unsigned long base[NSLOTS] = { 0 }, len[NSLOTS] = { 0 };
	int mapped[NSLOTS] = { 0 };
	unsigned char *local = NULL;
	unsigned long local_len = 0;
	char path[64], text[32];
	int fd = -1, i;

	snprintf(path, sizeof(path), "/dev/mmapv%d", c);
	snprintf(text, sizeof(text), "%d\n", c);
	if (write(log_fd, text, strlen(text)) < 0)
		emit(REC_CASE_FAILED, c, errno);
	drain();
	step_kmsg_fd = open("/dev/kmsg", O_RDONLY | O_NONBLOCK);
	if (step_kmsg_fd >= 0)
		lseek(step_kmsg_fd, 0, SEEK_END);
	clear_mmap_area();
	for (i = 0; i < pc->nsteps; i++) {
		const struct step *s = &steps[pc->first_step + i];
		long r;

		if (!runnable(s, mapped)) {
			emit(REC_NOT_RUN, c, i);
			continue;
		}
		switch (s->op) {
		case OP_OPEN:
			fd = open(path, (int)s->flags);
			emit(REC_OPEN, c, i, fd < 0 ? -errno : fd);
			break;
		case OP_CLOSE:
			r = close(fd);
			emit(REC_CLOSE, c, i, r < 0 ? (long)-errno : r);
			fd = -1;
			break;
		case OP_MMAP: {
			unsigned long hint = s->hint_slot ? base[s->hint_slot - 1] + s->offset : 0;
			int mfd = (s->flags & MAP_ANONYMOUS) ? -1 : fd;
			void *p = mmap((void *)hint, s->length, (int)s->prot, (int)s->flags, mfd, (off_t)s->file_offset);

			if (p == MAP_FAILED) {
				emit(REC_MMAP_FAILED, c, i, errno, hint);
			} else {
				base[s->slot] = (unsigned long)p;
				len[s->slot] = s->length;
				mapped[s->slot] = 1;
				emit(REC_MMAP_OK, c, i, (unsigned long)p, hint);
			}
			break;
		}
		case OP_READ:
		case OP_WRITE: {
			unsigned long p = base[s->slot] + s->offset;
			unsigned int v = 0;

			if (sigsetjmp(jump, 1) == 0) {
				armed = 1;
				if (s->op == OP_READ)
					v = s->type == VT_U32 ? *(volatile unsigned int *)p : *(volatile unsigned char *)p;
				else if (s->type == VT_U32)
					*(volatile unsigned int *)p = (unsigned int)s->value;
				else
					*(volatile unsigned char *)p = (unsigned char)s->value;
				armed = 0;
				emit(s->op == OP_READ ? REC_READ_VALUE : REC_WRITE_DONE, c, i, v);
			} else {
				emit(s->op == OP_READ ? REC_READ_SIGNAL : REC_WRITE_SIGNAL, c, i, sig_no, sig_code, sig_addr);
			}
			break;
		}
		case OP_MPROTECT:
			r = mprotect((void *)(base[s->slot] + s->offset), s->length, (int)s->prot);
			emit(REC_MPROTECT, c, i, r < 0 ? (long)-errno : r);
			break;
		case OP_MUNMAP:
			r = munmap((void *)(base[s->slot] + s->offset), s->length);
			emit(REC_MUNMAP, c, i, r < 0 ? (long)-errno : r);
			break;
		case OP_CHECK: {
			int driver_fill = s->pattern == PATTERN_DRIVER_FILL;
			int plen = driver_fill ? pc->fill_len : pats[pc->first_pat + s->pattern].len;
			unsigned long pages = (len[s->slot] + 4095) / 4096, page;

			for (page = 0; page < pages; page++) {
				volatile unsigned char *p = (volatile unsigned char *)(base[s->slot] + page * 4096);
				unsigned char got[16];
				int j;

				if (sigsetjmp(jump, 1) == 0) {
					armed = 1;
					for (j = 0; j < plen; j++)
						got[j] = p[j];
					armed = 0;
					emit(REC_CHECK_PAGE, c, i, page);
					for (j = 0; j < plen; j++)
						emit(REC_CHECK_PAGE_ITEM, got[j]);
					emit("\n");
				} else {
					emit(REC_CHECK_PAGE_SIGNAL, c, i, page, sig_no, sig_code, sig_addr);
					drain();
					break;
				}
				drain();
			}
			break;
		}
		case OP_FD_WRITE: {
			const struct pat *pt = &pats[pc->first_pat + s->pattern];
			unsigned char *out = calloc(1, s->length ? s->length : 1);
			unsigned long off;
			int j;

			for (off = 0; off < s->length; off += 4096)
				for (j = 0; j < pt->len && off + j < s->length; j++)
					out[off + j] = (unsigned char)pt->bytes[j];
			r = write(fd, out, s->length);
			emit(REC_FD_WRITE, c, i, r < 0 ? (long)-errno : r);
			free(out);
			break;
		}
		case OP_FD_READ: {
			unsigned char *in = calloc(1, s->length ? s->length : 1);

			r = read(fd, in, s->length);
			emit(REC_FD_READ, c, i, r < 0 ? (long)-errno : r);
			if (r >= 0) {
				free(local);
				local = in;
				local_len = (unsigned long)r;
			} else {
				free(in);
			}
			break;
		}
		case OP_CHECK_BUFFER: {
			const struct pat *pt = &pats[pc->first_pat + s->pattern];
			unsigned long off;
			int j;

			for (off = 0; off < local_len; off += 4096) {
				emit(REC_CHECK_BUFFER, c, i, off);
				for (j = 0; j < pt->len && off + j < local_len; j++)
					emit(REC_CHECK_BUFFER_ITEM, local[off + j]);
				emit("\n");
			}
			break;
		}
		case OP_MAPS: {
			FILE *maps = fopen("/proc/self/maps", "r");
			char line[512];

			while (maps && fgets(line, sizeof(line), maps)) {
				unsigned long lo, hi;
				int k, mine = 0;

				if (sscanf(line, "%lx-%lx", &lo, &hi) != 2)
					continue;
				for (k = 0; k < NSLOTS; k++)
					if (len[k] && lo < base[k] + ((len[k] + 4095) & ~4095UL) && hi > base[k])
						mine = 1;
				line[strcspn(line, "\n")] = 0;
				if (mine)
					emit(REC_MAPS_LINE, c, i, line);
			}
			if (maps)
				fclose(maps);
			break;
		}
		case OP_PROC_TOTAL: {
			FILE *t = fopen("/proc/my-proc-entry", "r");
			unsigned long total = 0;

			if (!t || fscanf(t, "%lu", &total) != 1)
				emit(REC_PROC_TOTAL_FAILED, c, i);
			else
				emit(REC_PROC_TOTAL, c, i, total);
			if (t)
				fclose(t);
			break;
		}
		}
		drain();
		step_warnings(c, i);
		fflush(stdout);
	}
}

/*
 * WARN_ON_ONCE fires once per boot; writing to debugfs' clear_warn_once re-arms every such site, so each case
 * sees the warnings its own steps cause (the init script mounts debugfs).
 */
static void clear_warn_once(void)
{
	int fd = open("/sys/kernel/debug/clear_warn_once", O_WRONLY);

	if (fd < 0)
		return;
	if (write(fd, "1", 1) < 0)
		perror("clear_warn_once");
	close(fd);
}

/* Waits for the child at most CASE_TIMEOUT_SECONDS; reports how it ended. */
static long micros_since(const struct timespec *t0)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (now.tv_sec - t0->tv_sec) * 1000000L + (now.tv_nsec - t0->tv_nsec) / 1000;
}

/* After a child is gone: if it died in the middle of a line, end that line and name its number (TRANSPORT_TORN). */
static void torn_line(void)
{
	unsigned long writing = __atomic_exchange_n(&transport->writing, 0, __ATOMIC_SEQ_CST);

	if (writing == 0)
		return;
	put("\n", 1);
	emit(TRANSPORT_TORN "\n", writing - 1);
}

/*
 * After a BUG: the parent saw the oops's first line and killed the child, but the oops may still be printing (the
 * report can be preempted between "kernel BUG at" and die()). Waits, at most a second, until the oops's end marker is
 * in the log or the child is gone, so that no line of it is taken for the next case's. (A child that dies holding a
 * lock may never be reapable: waiting for its exit alone would cost the whole second.)
 */
static void settle(pid_t pid)
{
	struct timespec pause = { 0, 5 * 1000 * 1000 };
	int status, i;

	for (i = 0; i < 200; i++) {
		if (waitpid(pid, &status, WNOHANG) != 0)
			return;
		kernel_bug_seen();
		if (!oops_open)
			return;
		nanosleep(&pause, NULL);
	}
}

static void reap(int c, pid_t pid, const struct timespec *t0)
{
	struct timespec deadline, now, left;
	sigset_t chld;
	int status, bug = 0;

	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	clock_gettime(CLOCK_MONOTONIC, &deadline);
	deadline.tv_sec += CASE_TIMEOUT_SECONDS;
	for (;;) {
		pid_t w = waitpid(pid, &status, WNOHANG);

		if (w == pid) {
			torn_line();
			if (WIFSIGNALED(status))
				emit(REC_CASE_ENDED, c, END_SIGNAL, WTERMSIG(status), micros_since(t0));
			else
				emit(REC_CASE_ENDED, c, END_EXIT, WEXITSTATUS(status), micros_since(t0));
			return;
		}
		if (bug) {
			/*
			 * The oops killed the child, or left it stuck in the kernel: do not wait for it. On the guest's single
			 * CPU a child that SIGKILL reaches runs no user code again, so it writes nothing more.
			 */
			kill(pid, SIGKILL);
			settle(pid);
			torn_line();
			emit(REC_CASE_ENDED, c, END_BUG, 0, micros_since(t0));
			return;
		}
		bug = kernel_bug_seen();
		clock_gettime(CLOCK_MONOTONIC, &now);
		if (now.tv_sec > deadline.tv_sec || (now.tv_sec == deadline.tv_sec && now.tv_nsec >= deadline.tv_nsec)) {
			kill(pid, SIGKILL);
			torn_line();
			emit(REC_CASE_ENDED, c, END_TIMEOUT, CASE_TIMEOUT_SECONDS, micros_since(t0));
			return;
		}
		left.tv_sec = 0;
		left.tv_nsec = bug ? 20 * 1000 * 1000 : 5 * 1000 * 1000;
		sigtimedwait(&chld, NULL, &left);
	}
}

/* Hands the batch's driver table (mmapv_run_batch.h, Mmap.Oracle.Codegen.DriverTable) to the module. */
static int load_driver_table(void)
{
	int fd = open("/proc/mmapv-cases", O_WRONLY);
	ssize_t w;

	if (fd < 0)
		return -1;
	w = write(fd, driver_table, sizeof(driver_table));
	close(fd);
	if (w != (ssize_t)sizeof(driver_table)) {
		if (w >= 0)
			errno = EIO;
		return -1;
	}
	return 0;
}

/* The transport's last line: how many sealed lines came before it (no child is running any more). */
static void end_batch(void)
{
	emit(TRANSPORT_BATCH_END "\n", __atomic_load_n(&transport->seq, __ATOMIC_SEQ_CST));
}

int main(int argc, char **argv)
{
	struct sigaction sa;
	sigset_t chld;
	int c;

	setvbuf(stdout, NULL, _IOFBF, 1 << 16);
	crc32_init();
	mallopt(M_MMAP_MAX, 0);
	/* The records channel: the debug port when the init script asks for it and the kernel lets us have it (children
	 * inherit it), else stdout. */
	record_port_open = argc > 1 && strcmp(argv[1], TRANSPORT_RECORD_PORT_OPTION) == 0 &&
			   ioperm(TRANSPORT_RECORD_PORT, 1, 1) == 0;
	transport = mmap((void *)TRANSPORT_SEQ_ADDRESS, sizeof(*transport), PROT_READ | PROT_WRITE,
			 MAP_SHARED | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
	if (transport == MAP_FAILED) {
		printf("@@MMAPV transport: mmap of the sequence counter failed (errno %d)\n", errno);
		return 1;
	}
	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = on_fault;
	sa.sa_flags = SA_SIGINFO | SA_NODEFER;
	sigaction(SIGBUS, &sa, NULL);
	sigaction(SIGSEGV, &sa, NULL);
	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	sigprocmask(SIG_BLOCK, &chld, NULL);
	log_fd = open("/proc/mmapv-log", O_RDWR);
	if (log_fd < 0 || load_driver_table() < 0) {
		emit(REC_CASE_FAILED, -1, errno);
		end_batch();
		return 1;
	}
	kmsg_fd = open("/dev/kmsg", O_RDONLY | O_NONBLOCK);
	if (kmsg_fd >= 0)
		lseek(kmsg_fd, 0, SEEK_END);
	watch_fd = open("/dev/kmsg", O_RDONLY | O_NONBLOCK);
	if (watch_fd >= 0)
		lseek(watch_fd, 0, SEEK_END);
	for (c = 0; c < NCASES; c++) {
		char path[64];

		snprintf(path, sizeof(path), "/dev/mmapv%d", c);
		unlink(path);
		if (mknod(path, S_IFCHR | 0666, makedev(MMAPV_MAJOR, c)) < 0)
			emit(REC_CASE_FAILED, c, errno);
	}
	for (c = 0; c < NCASES; c++) {
		pid_t pid;
		struct timespec t0;

		clock_gettime(CLOCK_MONOTONIC, &t0);
		clear_warn_once();
		/* The watching reader starts each case empty: what an earlier case's oops printed late is not this case's. */
		kernel_bug_seen();
		oops_open = 0;
		emit(REC_CASE_STARTED, c);
		fflush(stdout);
		pid = fork();
		if (pid == 0) {
			sigprocmask(SIG_UNBLOCK, &chld, NULL);
			run_case(c);
			fflush(stdout);
			_exit(0);
		}
		if (pid < 0) {
			emit(REC_CASE_FAILED, c, errno);
			continue;
		}
		reap(c, pid, &t0);
		drain();
		kernel_messages(c);
		fflush(stdout);
	}
	end_batch();
	return 0;
}
