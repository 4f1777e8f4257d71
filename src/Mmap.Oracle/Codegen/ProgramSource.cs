using System.Text;
using Mmap.Oracle.Cases;

namespace Mmap.Oracle.Codegen;

/// <summary>
/// Generates the batch's static user program. For each case it forks a child that runs the case's steps
/// against /dev/mmapvN (minor N = case index) and prints one machine-readable "@U" line per outcome;
/// after every outcome it copies the driver's pending log lines out as "@K" lines, so the serial log is in
/// event order. SIGBUS/SIGSEGV are caught with sigsetjmp/siglongjmp and reported with si_code and si_addr.
/// The parent reaps each child with a time limit and reports how it ended ("@U case Z ...").
/// Line grammar (hex without 0x unless noted):
/// <code>
/// @U c s O fd|-errno         open           @U c s C r|-errno        close
/// @U c s M a addr hint       mmap ok        @U c s M e errno hint    mmap failed
/// @U c s R v value           read           @U c s R s signo code addr   read faulted
/// @U c s W v 0               write ok       @U c s W s signo code addr   write faulted
/// @U c s P r|-errno          mprotect       @U c s U r|-errno        munmap
/// @U c s K page b0 b1 ...    check page     @U c s K page s signo code addr
/// @U c s FW r|-errno         fd-write       @U c s FR r|-errno       fd-read
/// @U c s B offset b0 ...     check-buffer   @U c s L text            one /proc/self/maps line
/// @U c s T total             proc-total     @U c s N                 not run (its mapping was never mapped)
/// @U c A                     case started   @U c Z exit|signal|bug|timeout value microseconds   the child ended
/// @D c text                  a kernel BUG/oops/warning line from /dev/kmsg while case c ran
/// </code>
/// </summary>
public static class ProgramSource
{
    public static string Generate(IReadOnlyList<EncodedCase> cases)
    {
        if (cases.Count == 0) throw new ArgumentException("a batch needs at least one case", nameof(cases));
        var c = new StringBuilder();
        c.Append(Prologue);
        c.Append("#define NCASES ").Append(CLiteral.Int(cases.Count)).Append('\n');
        c.Append("#define MMAPV_MAJOR ").Append(CLiteral.Int(ModuleSource.Major)).Append('\n');
        c.Append(Types);

        c.Append("static const struct step steps[] = {\n");
        var stepStart = new List<int>();
        var patternStart = new List<int>();
        var total = 0;
        foreach (var ec in cases)
        {
            stepStart.Add(total);
            foreach (var s in ec.Steps)
            {
                c.Append("\t{ ").Append(CLiteral.Int((int)s.Op));
                foreach (var a in s.Arguments) c.Append(", ").Append(CLiteral.Unsigned(a));
                c.Append(" },\n");
                total++;
            }
        }
        c.Append("\t{ 0, 0, 0, 0, 0, 0, 0, 0 }\n};\n\n");

        c.Append("static const struct pat pats[] = {\n");
        var patterns = 0;
        foreach (var ec in cases)
        {
            patternStart.Add(patterns);
            foreach (var p in ec.Patterns)
            {
                c.Append("\t{ ").Append(CLiteral.Int(p.Count)).Append(", ").Append(CLiteral.IntList(p, 16)).Append(" },\n");
                patterns++;
            }
        }
        c.Append("\t{ 0, { 0 } }\n};\n\n");

        c.Append("static const struct pcase pcases[NCASES] = {\n");
        for (var i = 0; i < cases.Count; i++)
        {
            var fill = cases[i].Driver.Fill;
            c.Append("\t{ ").Append(CLiteral.Int(stepStart[i])).Append(", ").Append(CLiteral.Int(cases[i].Steps.Count))
                .Append(", ").Append(CLiteral.Int(patternStart[i])).Append(", ").Append(CLiteral.Int(fill.Count))
                .Append(", ").Append(CLiteral.IntList(fill, 16)).Append(" },\n");
        }
        c.Append("};\n");
        c.Append(Body);
        return c.ToString();
    }

    private const string Prologue = """
        /* mmapv-run: the oracle's user program for one batch of scenarios. Generated; every value is an integer. */
        #define _GNU_SOURCE
        #include <errno.h>
        #include <fcntl.h>
        #include <setjmp.h>
        #include <signal.h>
        #include <stdio.h>
        #include <stdlib.h>
        #include <string.h>
        #include <sys/mman.h>
        #include <sys/stat.h>
        #include <sys/sysmacros.h>
        #include <sys/types.h>
        #include <sys/wait.h>
        #include <time.h>
        #include <unistd.h>

        #define OP_OPEN 1
        #define OP_CLOSE 2
        #define OP_MMAP 3
        #define OP_READ 4
        #define OP_WRITE 5
        #define OP_MPROTECT 6
        #define OP_MUNMAP 7
        #define OP_CHECK 8
        #define OP_FDWRITE 9
        #define OP_FDREAD 10
        #define OP_CHECKBUF 11
        #define OP_MAPS 12
        #define OP_TOTAL 13
        #define NSLOTS 32
        #define DRIVER_FILL 0xffffffffffffffffUL
        #define CASE_TIMEOUT_SECONDS 5

        """;

    private const string Types = """

        struct step { int op; unsigned long a, b, c, d, e, f, g; };
        struct pat { int len; int bytes[16]; };
        struct pcase { int first_step, nsteps, first_pat, fill_len; int fill[16]; };

        """;

    private const string Body = """

        static sigjmp_buf jump;
        static volatile sig_atomic_t armed;
        static volatile int sig_no, sig_code;
        static volatile unsigned long sig_addr;
        static int log_fd = -1;
        static int kmsg_fd = -1;
        static char logbuf[1 << 16];

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

        /* Copies the driver's pending log lines to stdout, each prefixed with "@K ". */
        static void drain(void)
        {
        	ssize_t n;

        	while ((n = read(log_fd, logbuf, sizeof(logbuf) - 1)) > 0) {
        		char *line = logbuf, *end;

        		logbuf[n] = 0;
        		while ((end = strchr(line, '\n')) != NULL) {
        			*end = 0;
        			printf("@K %s\n", line);
        			line = end + 1;
        		}
        	}
        }

        /* As the model's runner: a step naming a mapping that was never mapped does not run. */
        static int runnable(const struct step *s, const int *mapped)
        {
        	switch (s->op) {
        	case OP_MMAP:
        		return s->f == 0 || mapped[s->f - 1];
        	case OP_READ:
        	case OP_WRITE:
        	case OP_MPROTECT:
        	case OP_MUNMAP:
        	case OP_CHECK:
        		return mapped[s->a];
        	default:
        		return 1;
        	}
        }

        /*
         * Kernel messages about a BUG, oops or warning, attributed to the case that is running.
         * Returns 1 when the kernel reported a BUG or an oops.
         */
        static int kernel_messages(int c)
        {
        	char rec[1024];
        	ssize_t n;
        	int bug = 0;

        	if (kmsg_fd < 0)
        		return 0;
        	while ((n = read(kmsg_fd, rec, sizeof(rec) - 1)) > 0) {
        		char *text = strchr(rec, ';');

        		rec[n] = 0;
        		if (!text)
        			continue;
        		text++;
        		text[strcspn(text, "\n")] = 0;
        		if (strstr(text, "BUG") || strstr(text, "RIP:") || strstr(text, "WARNING") || strstr(text, "Oops"))
        			printf("@D %d %s\n", c, text);
        		if (strstr(text, "BUG") || strstr(text, "Oops"))
        			bug = 1;
        	}
        	return bug;
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
        		printf("@U %d Z error %d\n", c, errno);
        	drain();
        	for (i = 0; i < pc->nsteps; i++) {
        		const struct step *s = &steps[pc->first_step + i];
        		long r;

        		if (!runnable(s, mapped)) {
        			printf("@U %d %d N\n", c, i);
        			continue;
        		}
        		switch (s->op) {
        		case OP_OPEN:
        			fd = open(path, (int)s->a);
        			printf("@U %d %d O %d\n", c, i, fd < 0 ? -errno : fd);
        			break;
        		case OP_CLOSE:
        			r = close(fd);
        			printf("@U %d %d C %ld\n", c, i, r < 0 ? (long)-errno : r);
        			fd = -1;
        			break;
        		case OP_MMAP: {
        			unsigned long hint = s->f ? base[s->f - 1] + s->g : 0;
        			int mfd = (s->d & MAP_ANONYMOUS) ? -1 : fd;
        			void *p = mmap((void *)hint, s->b, (int)s->c, (int)s->d, mfd, (off_t)s->e);

        			if (p == MAP_FAILED) {
        				printf("@U %d %d M e %d %lx\n", c, i, errno, hint);
        			} else {
        				base[s->a] = (unsigned long)p;
        				len[s->a] = s->b;
        				mapped[s->a] = 1;
        				printf("@U %d %d M a %lx %lx\n", c, i, (unsigned long)p, hint);
        			}
        			break;
        		}
        		case OP_READ:
        		case OP_WRITE: {
        			unsigned long p = base[s->a] + s->b;
        			unsigned int v = 0;
        			char kind = s->op == OP_READ ? 'R' : 'W';

        			if (sigsetjmp(jump, 1) == 0) {
        				armed = 1;
        				if (s->op == OP_READ)
        					v = s->c == 3 ? *(volatile unsigned int *)p : *(volatile unsigned char *)p;
        				else if (s->c == 3)
        					*(volatile unsigned int *)p = (unsigned int)s->d;
        				else
        					*(volatile unsigned char *)p = (unsigned char)s->d;
        				armed = 0;
        				printf("@U %d %d %c v %x\n", c, i, kind, v);
        			} else {
        				printf("@U %d %d %c s %d %d %lx\n", c, i, kind, sig_no, sig_code, sig_addr);
        			}
        			break;
        		}
        		case OP_MPROTECT:
        			r = mprotect((void *)(base[s->a] + s->b), s->c, (int)s->d);
        			printf("@U %d %d P %ld\n", c, i, r < 0 ? (long)-errno : r);
        			break;
        		case OP_MUNMAP:
        			r = munmap((void *)(base[s->a] + s->b), s->c);
        			printf("@U %d %d U %ld\n", c, i, r < 0 ? (long)-errno : r);
        			break;
        		case OP_CHECK: {
        			long pattern = s->b == DRIVER_FILL ? -1 : (long)s->b;
        			int plen = pattern < 0 ? pc->fill_len : pats[pc->first_pat + pattern].len;
        			unsigned long pages = (len[s->a] + 4095) / 4096, page;

        			for (page = 0; page < pages; page++) {
        				volatile unsigned char *p = (volatile unsigned char *)(base[s->a] + page * 4096);
        				unsigned char got[16];
        				int j;

        				if (sigsetjmp(jump, 1) == 0) {
        					armed = 1;
        					for (j = 0; j < plen; j++)
        						got[j] = p[j];
        					armed = 0;
        					printf("@U %d %d K %lx", c, i, page);
        					for (j = 0; j < plen; j++)
        						printf(" %x", got[j]);
        					printf("\n");
        				} else {
        					printf("@U %d %d K %lx s %d %d %lx\n", c, i, page, sig_no, sig_code, sig_addr);
        					drain();
        					break;
        				}
        				drain();
        			}
        			break;
        		}
        		case OP_FDWRITE: {
        			const struct pat *pt = &pats[pc->first_pat + s->b];
        			unsigned char *out = calloc(1, s->a ? s->a : 1);
        			unsigned long off;
        			int j;

        			for (off = 0; off < s->a; off += 4096)
        				for (j = 0; j < pt->len && off + j < s->a; j++)
        					out[off + j] = (unsigned char)pt->bytes[j];
        			r = write(fd, out, s->a);
        			printf("@U %d %d FW %ld\n", c, i, r < 0 ? (long)-errno : r);
        			free(out);
        			break;
        		}
        		case OP_FDREAD: {
        			unsigned char *in = calloc(1, s->a ? s->a : 1);

        			r = read(fd, in, s->a);
        			printf("@U %d %d FR %ld\n", c, i, r < 0 ? (long)-errno : r);
        			if (r >= 0) {
        				free(local);
        				local = in;
        				local_len = (unsigned long)r;
        			} else {
        				free(in);
        			}
        			break;
        		}
        		case OP_CHECKBUF: {
        			const struct pat *pt = &pats[pc->first_pat + s->a];
        			unsigned long off;
        			int j;

        			for (off = 0; off < local_len; off += 4096) {
        				printf("@U %d %d B %lx", c, i, off);
        				for (j = 0; j < pt->len && off + j < local_len; j++)
        					printf(" %x", local[off + j]);
        				printf("\n");
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
        					printf("@U %d %d L %s\n", c, i, line);
        			}
        			if (maps)
        				fclose(maps);
        			break;
        		}
        		case OP_TOTAL: {
        			FILE *t = fopen("/proc/my-proc-entry", "r");
        			unsigned long total = 0;

        			if (!t || fscanf(t, "%lu", &total) != 1)
        				printf("@U %d %d T e\n", c, i);
        			else
        				printf("@U %d %d T %lx\n", c, i, total);
        			if (t)
        				fclose(t);
        			break;
        		}
        		}
        		drain();
        		fflush(stdout);
        	}
        }

        /* Waits for the child at most CASE_TIMEOUT_SECONDS; reports how it ended. */
        static long micros_since(const struct timespec *t0)
        {
        	struct timespec now;

        	clock_gettime(CLOCK_MONOTONIC, &now);
        	return (now.tv_sec - t0->tv_sec) * 1000000L + (now.tv_nsec - t0->tv_nsec) / 1000;
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
        			if (WIFSIGNALED(status))
        				printf("@U %d Z signal %d %ld\n", c, WTERMSIG(status), micros_since(t0));
        			else
        				printf("@U %d Z exit %d %ld\n", c, WEXITSTATUS(status), micros_since(t0));
        			return;
        		}
        		if (bug) {
        			/* The oops killed the child, or left it stuck in the kernel: do not wait for it. */
        			kill(pid, SIGKILL);
        			printf("@U %d Z bug 0 %ld\n", c, micros_since(t0));
        			return;
        		}
        		bug = kernel_messages(c);
        		clock_gettime(CLOCK_MONOTONIC, &now);
        		if (now.tv_sec > deadline.tv_sec || (now.tv_sec == deadline.tv_sec && now.tv_nsec >= deadline.tv_nsec)) {
        			kill(pid, SIGKILL);
        			printf("@U %d Z timeout %d %ld\n", c, CASE_TIMEOUT_SECONDS, micros_since(t0));
        			return;
        		}
        		left.tv_sec = 0;
        		left.tv_nsec = bug ? 20 * 1000 * 1000 : 5 * 1000 * 1000;
        		sigtimedwait(&chld, NULL, &left);
        	}
        }

        int main(void)
        {
        	struct sigaction sa;
        	sigset_t chld;
        	int c;

        	setvbuf(stdout, NULL, _IOFBF, 1 << 16);
        	memset(&sa, 0, sizeof(sa));
        	sa.sa_sigaction = on_fault;
        	sa.sa_flags = SA_SIGINFO | SA_NODEFER;
        	sigaction(SIGBUS, &sa, NULL);
        	sigaction(SIGSEGV, &sa, NULL);
        	sigemptyset(&chld);
        	sigaddset(&chld, SIGCHLD);
        	sigprocmask(SIG_BLOCK, &chld, NULL);
        	log_fd = open("/proc/mmapv-log", O_RDWR);
        	if (log_fd < 0) {
        		printf("@U -1 Z error %d\n", errno);
        		return 1;
        	}
        	kmsg_fd = open("/dev/kmsg", O_RDONLY | O_NONBLOCK);
        	if (kmsg_fd >= 0)
        		lseek(kmsg_fd, 0, SEEK_END);
        	for (c = 0; c < NCASES; c++) {
        		char path[64];

        		snprintf(path, sizeof(path), "/dev/mmapv%d", c);
        		unlink(path);
        		if (mknod(path, S_IFCHR | 0666, makedev(MMAPV_MAJOR, c)) < 0)
        			printf("@U %d Z error %d\n", c, errno);
        	}
        	for (c = 0; c < NCASES; c++) {
        		pid_t pid;
        		struct timespec t0;

        		clock_gettime(CLOCK_MONOTONIC, &t0);
        		printf("@U %d A\n", c);
        		fflush(stdout);
        		pid = fork();
        		if (pid == 0) {
        			sigprocmask(SIG_UNBLOCK, &chld, NULL);
        			run_case(c);
        			fflush(stdout);
        			_exit(0);
        		}
        		if (pid < 0) {
        			printf("@U %d Z error %d\n", c, errno);
        			continue;
        		}
        		reap(c, pid, &t0);
        		drain();
        		kernel_messages(c);
        		fflush(stdout);
        	}
        	return 0;
        }

        """;
}
