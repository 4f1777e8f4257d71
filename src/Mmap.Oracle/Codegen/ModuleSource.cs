using System.Text;
using Mmap.Oracle.Cases;

namespace Mmap.Oracle.Codegen;

/// <summary>
/// Generates the batch's kernel module: one character-device minor per case (major 240), a case table of
/// integers, pooled zero-filled buffers (kzalloc/vzalloc), the strategies of
/// <see cref="Mmap.Model.Driver.DeviceDriver"/> written against the real kernel API, and a log of every
/// driver-side fact, drained by the user program through /proc/mmapv-log. Writing a case number to
/// that file re-initialises the case's buffer and logs its pfn table. /proc/my-proc-entry is the lab's
/// total-VM entry. Deterministic: the same cases and API level give the same bytes.
/// </summary>
public static class ModuleSource
{
    public const int Major = 240;

    /// <summary>Log record letters (first field of each line the module writes).</summary>
    public static class Records
    {
        public const string Loaded = "L";      // L case kind pages
        public const string Pfns = "Q";        // Q case first-index pfn...
        public const string Entered = "E";     // E case start end flags pgoff
        public const string Cleared = "C";     // C case flags
        public const string Remap = "R";       // R case addr pfn size ret
        public const string Insert = "I";      // I case addr index ret
        public const string MapPages = "M";    // M case zero count ret
        public const string Returned = "X";    // X case ret flags pgoff
        public const string Fault = "F";       // F case addr pgoff P|S|N|O index
    }

    public static string Generate(IReadOnlyList<EncodedCase> cases, bool vmFlagsHelpers)
    {
        if (cases.Count == 0) throw new ArgumentException("a batch needs at least one case", nameof(cases));
        var pool = new BufferPool(cases);
        var c = new StringBuilder();
        c.Append(Prologue);
        c.Append("#define NCASES ").Append(CLiteral.Int(cases.Count)).Append('\n');
        c.Append("#define NBUFS ").Append(CLiteral.Int(pool.Buffers.Count)).Append('\n');
        c.Append("#define MMAPV_MAJOR ").Append(CLiteral.Int(Major)).Append('\n');
        if (vmFlagsHelpers)
        {
            c.Append("#define CLEAR_VM_FLAGS(vma, f) vm_flags_clear((vma), (f))\n");
            c.Append("#define SET_VM_FLAGS(vma, f) vm_flags_set((vma), (f))\n");
        }
        else
        {
            c.Append("#define CLEAR_VM_FLAGS(vma, f) ((vma)->vm_flags &= ~(f))\n");
            c.Append("#define SET_VM_FLAGS(vma, f) ((vma)->vm_flags |= (f))\n");
        }
        c.Append(Types);
        c.Append("static const struct mmapv_buf bufs[NBUFS] = {\n");
        foreach (var (kind, pages) in pool.Buffers)
            c.Append("\t{ ").Append(CLiteral.Int(kind)).Append(", ").Append(CLiteral.Int(pages)).Append(" },\n");
        c.Append("};\n\nstatic const struct mmapv_case cases[NCASES] = {\n");
        for (var i = 0; i < cases.Count; i++)
        {
            var d = cases[i].Driver;
            int[] row =
            [
                pool.BufferOfCase[i], d.Method, d.PageShared, d.CheckErrors, d.PgoffHonour, d.ClearMayWrite,
                d.LabFops, d.LimitPages, d.LimitErrno, d.Fill.Count,
            ];
            c.Append("\t{ ").Append(string.Join(", ", row.Select(CLiteral.Int))).Append(", ")
                .Append(CLiteral.IntList(d.Fill, 16)).Append(" },\n");
        }
        c.Append("};\n");
        c.Append(Body);
        return c.ToString();
    }

    private const string Prologue = """
        // SPDX-License-Identifier: GPL-2.0
        /* mmapv: the oracle's driver for one batch of scenarios. Generated; every value is an integer. */
        #include <linux/module.h>
        #include <linux/init.h>
        #include <linux/fs.h>
        #include <linux/cdev.h>
        #include <linux/slab.h>
        #include <linux/vmalloc.h>
        #include <linux/mm.h>
        #include <linux/proc_fs.h>
        #include <linux/seq_file.h>
        #include <linux/uaccess.h>
        #include <linux/mutex.h>
        #include <linux/sched.h>
        #include <linux/sched/mm.h>
        #include <linux/io.h>

        MODULE_LICENSE("GPL");
        MODULE_DESCRIPTION("mmap-verify oracle driver");

        #define M_REMAP_WHOLE 0
        #define M_REMAP_PER_PAGE 1
        #define M_INSERT_PAGE 2
        #define M_MAP_PAGES 3
        #define M_FAULT 4
        #define M_FAULT_PFN 5
        #define M_NONE 6
        #define LOG_CAP (8UL << 20)

        """;

    private const string Types = """

        struct mmapv_buf { int kind; int pages; };
        struct mmapv_case {
        	int buf, method, page_shared, check_errors, pgoff_honour, clear_maywrite, lab_fops;
        	int limit_pages, limit_err, fill_len;
        	int fill[16];
        };

        """;

    private const string Body = """

        static void *areas[NBUFS];
        static struct page **pagevec[NBUFS];
        static char *logbuf;
        static size_t log_len;
        static DEFINE_MUTEX(log_lock);
        static struct cdev mmapv_cdev;

        static __printf(1, 2) void mlog(const char *fmt, ...)
        {
        	va_list ap;

        	mutex_lock(&log_lock);
        	if (log_len < LOG_CAP - 512) {
        		va_start(ap, fmt);
        		log_len += vscnprintf(logbuf + log_len, LOG_CAP - log_len, fmt, ap);
        		va_end(ap);
        	}
        	mutex_unlock(&log_lock);
        }

        static unsigned long buf_pfn(int b, unsigned long i)
        {
        	char *a = areas[b];

        	if (bufs[b].kind == 1)
        		return vmalloc_to_pfn(a + i * PAGE_SIZE);
        	return (virt_to_phys(a) >> PAGE_SHIFT) + i;
        }

        static struct page *buf_page(int b, unsigned long i)
        {
        	char *a = areas[b];

        	if (bufs[b].kind == 1)
        		return vmalloc_to_page(a + i * PAGE_SIZE);
        	return virt_to_page(a + i * PAGE_SIZE);
        }

        static int case_of(struct file *f)
        {
        	return (int)(long)f->private_data;
        }

        /* A fresh driver for case c: zeroed buffer, fill pattern at every page start, pfn table logged. */
        static void begin_case(int c)
        {
        	const struct mmapv_case *k = &cases[c];
        	int b = k->buf, j;
        	unsigned long pages = bufs[b].pages, i, n;
        	char *a = areas[b];

        	memset(a, 0, pages * PAGE_SIZE);
        	for (i = 0; i < pages; i++)
        		for (j = 0; j < k->fill_len; j++)
        			a[i * PAGE_SIZE + j] = (char)(k->fill[j] < 0 ? (int)i : k->fill[j]);
        	mlog("L %d %d %lu\n", c, bufs[b].kind, pages);
        	for (i = 0; i < pages; i += 8) {
        		char line[256];
        		int len = scnprintf(line, sizeof(line), "Q %d %lu", c, i);

        		for (n = i; n < pages && n < i + 8; n++)
        			len += scnprintf(line + len, sizeof(line) - len, " %lx", buf_pfn(b, n));
        		mlog("%s\n", line);
        	}
        }

        static vm_fault_t mmapv_fault(struct vm_fault *vmf)
        {
        	struct vm_area_struct *vma = vmf->vma;
        	int c = case_of(vma->vm_file);
        	const struct mmapv_case *k = &cases[c];
        	int b = k->buf;
        	unsigned long in_vma = (vmf->address - vma->vm_start) >> PAGE_SHIFT;
        	unsigned long index = k->pgoff_honour ? vmf->pgoff : in_vma;
        	struct page *page;
        	vm_fault_t ret;

        	if (index >= (unsigned long)bufs[b].pages) {
        		mlog("F %d %lx %lx S %lu\n", c, vmf->address, vmf->pgoff, index);
        		return VM_FAULT_SIGBUS;
        	}
        	if (k->method == M_FAULT_PFN) {
        		ret = vmf_insert_pfn(vma, vmf->address, buf_pfn(b, index));
        		mlog("F %d %lx %lx %c %lu\n", c, vmf->address, vmf->pgoff,
        		     ret == VM_FAULT_NOPAGE ? 'N' : ret == VM_FAULT_OOM ? 'O' : 'S', index);
        		return ret;
        	}
        	page = buf_page(b, index);
        	get_page(page);
        	vmf->page = page;
        	mlog("F %d %lx %lx P %lu\n", c, vmf->address, vmf->pgoff, index);
        	return 0;
        }

        static const struct vm_operations_struct mmapv_fault_ops = {
        	.fault = mmapv_fault,
        };

        static int mmapv_mmap(struct file *filp, struct vm_area_struct *vma)
        {
        	int c = case_of(filp);
        	const struct mmapv_case *k = &cases[c];
        	int b = k->buf, r = 0, rr;
        	unsigned long pages = bufs[b].pages;
        	unsigned long len = vma->vm_end - vma->vm_start, vpages = len >> PAGE_SHIFT;
        	unsigned long first, count, i, pfn, addr;
        	pgprot_t prot;

        	mlog("E %d %lx %lx %lx %lx\n", c, vma->vm_start, vma->vm_end, (unsigned long)vma->vm_flags, vma->vm_pgoff);
        	if (k->limit_pages >= 0 && len > ((unsigned long)k->limit_pages << PAGE_SHIFT)) {
        		r = -k->limit_err;
        		goto out;
        	}
        	if (k->clear_maywrite) {
        		CLEAR_VM_FLAGS(vma, VM_MAYWRITE);
        		mlog("C %d %lx\n", c, (unsigned long)VM_MAYWRITE);
        	}
        	first = k->pgoff_honour ? vma->vm_pgoff : 0;
        	if (k->pgoff_honour && k->method != M_MAP_PAGES && k->method != M_FAULT && k->method != M_FAULT_PFN &&
        	    (first >= pages || vpages > pages - first)) {
        		r = -EINVAL;
        		goto out;
        	}
        	count = min(vpages, first < pages ? pages - first : 0UL);
        	prot = k->page_shared ? PAGE_SHARED : vma->vm_page_prot;
        	switch (k->method) {
        	case M_REMAP_WHOLE:
        		pfn = buf_pfn(b, min(first, pages - 1));
        		rr = remap_pfn_range(vma, vma->vm_start, pfn, count << PAGE_SHIFT, prot);
        		mlog("R %d %lx %lx %lx %d\n", c, vma->vm_start, pfn, count << PAGE_SHIFT, rr);
        		r = k->check_errors ? rr : 0;
        		break;
        	case M_REMAP_PER_PAGE:
        		for (i = 0; i < count; i++) {
        			addr = vma->vm_start + (i << PAGE_SHIFT);
        			pfn = buf_pfn(b, first + i);
        			rr = remap_pfn_range(vma, addr, pfn, PAGE_SIZE, prot);
        			mlog("R %d %lx %lx %lx %d\n", c, addr, pfn, PAGE_SIZE, rr);
        			if (rr && k->check_errors) {
        				r = rr;
        				break;
        			}
        		}
        		break;
        	case M_INSERT_PAGE:
        		for (i = 0; i < count; i++) {
        			addr = vma->vm_start + (i << PAGE_SHIFT);
        			rr = vm_insert_page(vma, addr, buf_page(b, first + i));
        			mlog("I %d %lx %lu %d\n", c, addr, first + i, rr);
        			if (rr && k->check_errors) {
        				r = rr;
        				break;
        			}
        		}
        		break;
        	case M_MAP_PAGES:
        		if (k->pgoff_honour)
        			rr = vm_map_pages(vma, pagevec[b], pages);
        		else
        			rr = vm_map_pages_zero(vma, pagevec[b], pages);
        		mlog("M %d %d %lu %d\n", c, !k->pgoff_honour, pages, rr);
        		r = k->check_errors ? rr : 0;
        		break;
        	case M_FAULT:
        		vma->vm_ops = &mmapv_fault_ops;
        		break;
        	case M_FAULT_PFN:
        		SET_VM_FLAGS(vma, VM_IO | VM_PFNMAP | VM_DONTEXPAND | VM_DONTDUMP);
        		vma->vm_ops = &mmapv_fault_ops;
        		break;
        	}
        out:
        	mlog("X %d %d %lx %lx\n", c, r, (unsigned long)vma->vm_flags, vma->vm_pgoff);
        	return r;
        }

        /* Lab exercise 3: read copies the buffer out, write zeroes it then copies in; offsets ignored. */
        static ssize_t lab_read(struct file *f, char __user *u, size_t size, loff_t *off)
        {
        	int b = cases[case_of(f)].buf;
        	size_t total = (size_t)bufs[b].pages * PAGE_SIZE;

        	if (size > total)
        		size = total;
        	if (copy_to_user(u, areas[b], size))
        		return -EFAULT;
        	return size;
        }

        static ssize_t lab_write(struct file *f, const char __user *u, size_t size, loff_t *off)
        {
        	int b = cases[case_of(f)].buf;
        	size_t total = (size_t)bufs[b].pages * PAGE_SIZE;

        	if (size > total)
        		size = total;
        	memset(areas[b], 0, total);
        	if (copy_from_user(areas[b], u, size))
        		return -EFAULT;
        	return size;
        }

        /* The four variants: with/without ->mmap, with/without the lab's read/write. */
        static const struct file_operations variants[4] = {
        	{ .owner = THIS_MODULE, .mmap = mmapv_mmap },
        	{ .owner = THIS_MODULE, .mmap = mmapv_mmap, .read = lab_read, .write = lab_write },
        	{ .owner = THIS_MODULE },
        	{ .owner = THIS_MODULE, .read = lab_read, .write = lab_write },
        };

        static int mmapv_open(struct inode *inode, struct file *filp)
        {
        	int c = iminor(inode);

        	if (c >= NCASES)
        		return -ENXIO;
        	filp->private_data = (void *)(long)c;
        	replace_fops(filp, fops_get(&variants[(cases[c].method == M_NONE ? 2 : 0) + cases[c].lab_fops]));
        	return 0;
        }

        static const struct file_operations mmapv_fops = {
        	.owner = THIS_MODULE,
        	.open = mmapv_open,
        };

        static ssize_t log_read(struct file *f, char __user *u, size_t size, loff_t *off)
        {
        	size_t n;

        	mutex_lock(&log_lock);
        	n = min(size, log_len);
        	if (n && copy_to_user(u, logbuf, n)) {
        		mutex_unlock(&log_lock);
        		return -EFAULT;
        	}
        	memmove(logbuf, logbuf + n, log_len - n);
        	log_len -= n;
        	mutex_unlock(&log_lock);
        	return n;
        }

        static ssize_t log_write(struct file *f, const char __user *u, size_t size, loff_t *off)
        {
        	int c, r = kstrtoint_from_user(u, size, 10, &c);

        	if (r)
        		return r;
        	if (c < 0 || c >= NCASES)
        		return -EINVAL;
        	begin_case(c);
        	return size;
        }

        static const struct proc_ops log_ops = {
        	.proc_read = log_read,
        	.proc_write = log_write,
        	.proc_lseek = noop_llseek,
        };

        /* Lab exercise 4: the total size of the calling process's VMAs. */
        static int total_show(struct seq_file *m, void *v)
        {
        	struct mm_struct *mm = current->mm;
        	struct vm_area_struct *vma;
        	unsigned long total = 0;
        	VMA_ITERATOR(vmi, mm, 0);

        	mmap_read_lock(mm);
        	for_each_vma(vmi, vma)
        		total += vma->vm_end - vma->vm_start;
        	mmap_read_unlock(mm);
        	seq_printf(m, "%lu\n", total);
        	return 0;
        }

        static int total_open(struct inode *inode, struct file *file)
        {
        	return single_open(file, total_show, NULL);
        }

        static const struct proc_ops total_ops = {
        	.proc_open = total_open,
        	.proc_read = seq_read,
        	.proc_lseek = seq_lseek,
        	.proc_release = single_release,
        };

        static int __init mmapv_init(void)
        {
        	int b, r;
        	unsigned long i;

        	logbuf = vzalloc(LOG_CAP);
        	if (!logbuf)
        		return -ENOMEM;
        	for (b = 0; b < NBUFS; b++) {
        		size_t bytes = (size_t)bufs[b].pages * PAGE_SIZE;

        		areas[b] = bufs[b].kind == 1 ? vzalloc(bytes) : kzalloc(bytes, GFP_KERNEL);
        		pagevec[b] = kvcalloc(bufs[b].pages, sizeof(struct page *), GFP_KERNEL);
        		if (!areas[b] || !pagevec[b]) {
        			pr_err("mmapv: cannot allocate buffer %d\n", b);
        			return -ENOMEM;
        		}
        		for (i = 0; i < (unsigned long)bufs[b].pages; i++)
        			pagevec[b][i] = buf_page(b, i);
        	}
        	r = register_chrdev_region(MKDEV(MMAPV_MAJOR, 0), NCASES, "mmapv");
        	if (r)
        		return r;
        	cdev_init(&mmapv_cdev, &mmapv_fops);
        	mmapv_cdev.owner = THIS_MODULE;
        	r = cdev_add(&mmapv_cdev, MKDEV(MMAPV_MAJOR, 0), NCASES);
        	if (r)
        		return r;
        	if (!proc_create("mmapv-log", 0666, NULL, &log_ops) ||
        	    !proc_create("my-proc-entry", 0444, NULL, &total_ops))
        		return -ENOMEM;
        	return 0;
        }

        module_init(mmapv_init);

        """;
}
