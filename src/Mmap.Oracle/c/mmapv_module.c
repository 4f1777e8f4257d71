// SPDX-License-Identifier: GPL-2.0
/*
 * mmapv: the oracle's driver for one batch of scenarios.
 *
 * One character-device minor per case (major MMAPV_MAJOR). Each case's driver strategy is a row of the
 * generated case table (mmapv_module_batch.h); how each mapping method behaves is a row of the method table
 * (mmapv_protocol.h), generated from the same C# table the model's driver reads
 * (Mmap.Model.Driver.MappingMethods). Every driver-side fact of the trace vocabulary is logged with a REC_*
 * format from mmapv_protocol.h and drained by the user program through /proc/mmapv-log. Writing a case
 * number to that file re-initialises the case's buffer and logs its pfn table. /proc/my-proc-entry is the
 * lab's total-VM entry.
 *
 * This file is fixed; only the two included mmapv_*.h headers are generated (the oracle inlines them into
 * one mmapv.c per batch).
 */
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

#define LOG_CAP (8UL << 20)

/* A pooled buffer: cases with the same kind and size share one (the program re-fills it per case). */
struct mmapv_buf {
	int kind;	/* BUF_KMALLOC or BUF_VMALLOC */
	int pages;
};

/* One case's driver strategy (Mmap.Oracle.Cases.EncodedDriver). */
struct mmapv_case {
	int buf;		/* index in bufs[] */
	int method;		/* M_*: index in methods[] */
	int prot;		/* REMAP_PROT_*: the prot passed to remap_pfn_range */
	int check_errors;	/* ->mmap returns the first failing call's error */
	int pgoff;		/* PGOFF_*: map from buffer page vm_pgoff, or from page 0 */
	int clear_maywrite;	/* ->mmap first clears VM_MAYWRITE */
	int fops;		/* FOPS_*: the lab's read/write file operations, or none */
	int limit_pages;	/* ->mmap fails with -limit_err above this many pages; -1: no limit */
	int limit_err;
	int fill_len;
	int fill[16];		/* written at every page start; FILL_PAGE_INDEX: the page index */
};

#include "mmapv_protocol.h"
#include "mmapv_module_batch.h"

static void *areas[NBUFS];
static struct page **pagevec[NBUFS];
static char *logbuf;
static size_t log_len;
static DEFINE_MUTEX(log_lock);
static struct cdev mmapv_cdev;

static int log_case;		/* the case begin_case() started: whose records a full buffer drops */
static unsigned long log_lost;	/* bytes of records dropped since the buffer was last read empty */

/*
 * Appends one record to the log the program drains. A full buffer never truncates silently: the records are
 * dropped, counted, and REC_DRIVER_LOST (in the space kept free for it) tells the host the case's log is incomplete.
 */
static __printf(1, 2) void mlog(const char *fmt, ...)
{
	va_list ap;

	mutex_lock(&log_lock);
	if (!log_lost && log_len < LOG_CAP - 512) {
		va_start(ap, fmt);
		log_len += vscnprintf(logbuf + log_len, LOG_CAP - 256 - log_len, fmt, ap);
		va_end(ap);
	} else {
		va_start(ap, fmt);
		log_lost += vsnprintf(NULL, 0, fmt, ap);
		va_end(ap);
	}
	mutex_unlock(&log_lock);
}

static unsigned long buf_pfn(int b, unsigned long i)
{
	char *a = areas[b];

	if (bufs[b].kind == BUF_VMALLOC)
		return vmalloc_to_pfn(a + i * PAGE_SIZE);
	return (virt_to_phys(a) >> PAGE_SHIFT) + i;
}

static struct page *buf_page(int b, unsigned long i)
{
	char *a = areas[b];

	if (bufs[b].kind == BUF_VMALLOC)
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

	log_case = c;
	memset(a, 0, pages * PAGE_SIZE);
	for (i = 0; i < pages; i++)
		for (j = 0; j < k->fill_len; j++)
			a[i * PAGE_SIZE + j] = (char)(k->fill[j] == FILL_PAGE_INDEX ? (int)i : k->fill[j]);
	mlog(REC_LOADED, c, bufs[b].kind, pages);
	for (i = 0; i < pages; i += 8) {
		char line[256];
		int len = scnprintf(line, sizeof(line), REC_PFNS, c, i);

		for (n = i; n < pages && n < i + 8; n++)
			len += scnprintf(line + len, sizeof(line) - len, REC_PFNS_ITEM, buf_pfn(b, n));
		mlog("%s\n", line);
	}
}

/* vm_ops->fault: the buffer page at vmf->pgoff (or at the page's index in the VMA when pgoff is ignored). */
static vm_fault_t mmapv_fault(struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;
	int c = case_of(vma->vm_file);
	const struct mmapv_case *k = &cases[c];
	int b = k->buf;
	unsigned long in_vma = (vmf->address - vma->vm_start) >> PAGE_SHIFT;
	unsigned long index = k->pgoff == PGOFF_HONOUR ? vmf->pgoff : in_vma;
	struct page *page;
	vm_fault_t ret;

	if (index >= (unsigned long)bufs[b].pages) {
		mlog(REC_FAULT, c, vmf->address, vmf->pgoff, FAULT_SIGBUS, index);
		return VM_FAULT_SIGBUS;
	}
	if (methods[k->method].fault == FAULT_HANDLER_INSERT_PFN) {
		ret = vmf_insert_pfn(vma, vmf->address, buf_pfn(b, index));
		mlog(REC_FAULT, c, vmf->address, vmf->pgoff,
		     ret == VM_FAULT_NOPAGE ? FAULT_NOPAGE : ret == VM_FAULT_OOM ? FAULT_OOM : FAULT_SIGBUS, index);
		return ret;
	}
	page = buf_page(b, index);
	get_page(page);
	vmf->page = page;
	mlog(REC_FAULT, c, vmf->address, vmf->pgoff, FAULT_PAGE, index);
	return 0;
}

static const struct vm_operations_struct mmapv_fault_ops = {
	.fault = mmapv_fault,
};

/* One call of the method's helper for pages [index, index + npages) of buffer b at addr; logged. */
static int map_range(int c, int call, struct vm_area_struct *vma, unsigned long addr, int b,
		     unsigned long index, unsigned long npages, pgprot_t prot)
{
	unsigned long pfn;
	int rr;

	switch (call) {
	case CALL_REMAP_PFN_RANGE:
		pfn = buf_pfn(b, index);
		rr = remap_pfn_range(vma, addr, pfn, npages << PAGE_SHIFT, prot);
		mlog(REC_REMAP, c, addr, pfn, npages << PAGE_SHIFT, rr);
		return rr;
	case CALL_VM_INSERT_PAGE:
		rr = vm_insert_page(vma, addr, buf_page(b, index));
		mlog(REC_INSERT_PAGE, c, addr, index, rr);
		return rr;
	}
	return -EINVAL;
}

static int mmapv_mmap(struct file *filp, struct vm_area_struct *vma)
{
	int c = case_of(filp);
	const struct mmapv_case *k = &cases[c];
	const struct mmapv_method *m = &methods[k->method];
	int b = k->buf, r = 0, rr;
	unsigned long pages = bufs[b].pages;
	unsigned long len = vma->vm_end - vma->vm_start, vpages = len >> PAGE_SHIFT;
	unsigned long first, count, i;
	pgprot_t prot;

	mlog(REC_MMAP_ENTERED, c, vma->vm_start, vma->vm_end, (unsigned long)vma->vm_flags, vma->vm_pgoff);
	if (k->limit_pages >= 0 && len > ((unsigned long)k->limit_pages << PAGE_SHIFT)) {
		r = -k->limit_err;
		goto out;
	}
	if (k->clear_maywrite) {
		CLEAR_VM_FLAGS(vma, VM_MAYWRITE);
		mlog(REC_FLAGS_CLEARED, c, (unsigned long)VM_MAYWRITE);
	}
	first = k->pgoff == PGOFF_HONOUR ? vma->vm_pgoff : 0;
	if (k->pgoff == PGOFF_HONOUR && m->rejects_range_past_buffer && (first >= pages || vpages > pages - first)) {
		r = -EINVAL;
		goto out;
	}
	/* Pages the driver maps: the VMA's, but never past the end of its buffer. */
	count = min(vpages, first < pages ? pages - first : 0UL);
	prot = k->prot == REMAP_PROT_PAGE_SHARED ? PAGE_SHARED : vma->vm_page_prot;
	switch (m->span) {
	case SPAN_WHOLE_VMA:
		rr = map_range(c, m->call, vma, vma->vm_start, b, min(first, pages - 1), count, prot);
		r = k->check_errors ? rr : 0;
		break;
	case SPAN_PER_PAGE:
		for (i = 0; i < count; i++) {
			rr = map_range(c, m->call, vma, vma->vm_start + (i << PAGE_SHIFT), b, first + i, 1, prot);
			if (rr && k->check_errors) {
				r = rr;
				break;
			}
		}
		break;
	case SPAN_WHOLE_BUFFER:
		/* vm_map_pages honours vm_pgoff; vm_map_pages_zero maps from page 0. */
		if (k->pgoff == PGOFF_HONOUR)
			rr = vm_map_pages(vma, pagevec[b], pages);
		else
			rr = vm_map_pages_zero(vma, pagevec[b], pages);
		mlog(REC_MAP_PAGES, c, k->pgoff != PGOFF_HONOUR, pages, rr);
		r = k->check_errors ? rr : 0;
		break;
	case SPAN_NONE:
		if (m->sets_flags)
			SET_VM_FLAGS(vma, m->sets_flags);
		if (m->fault != FAULT_HANDLER_NONE)
			vma->vm_ops = &mmapv_fault_ops;
		break;
	}
out:
	mlog(REC_MMAP_RETURNED, c, r, (unsigned long)vma->vm_flags, vma->vm_pgoff);
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
	replace_fops(filp, fops_get(&variants[(methods[cases[c].method].has_mmap ? 0 : 2) + (cases[c].fops == FOPS_LAB ? 1 : 0)]));
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
	if (log_lost) {
		log_len += scnprintf(logbuf + log_len, LOG_CAP - log_len, REC_DRIVER_LOST, log_case, log_lost);
		log_lost = 0;
	}
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

		areas[b] = bufs[b].kind == BUF_VMALLOC ? vzalloc(bytes) : kzalloc(bytes, GFP_KERNEL);
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
