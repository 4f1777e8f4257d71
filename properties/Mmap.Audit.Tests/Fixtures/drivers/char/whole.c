// One remap over the whole VMA from vm_pgoff, length checked in a helper: correct.
static int whole_check(struct vm_area_struct *vma, unsigned long len)
{
	if (len + (vma->vm_pgoff << PAGE_SHIFT) > BUF_SIZE)
		return -EINVAL;
	return 0;
}

static int whole_mmap(struct file *filp, struct vm_area_struct *vma)
{
	unsigned long len = vma->vm_end - vma->vm_start;
	int ret;

	ret = whole_check(vma, len);
	if (ret)
		return ret;
	return remap_pfn_range(vma, vma->vm_start, (buf_phys >> PAGE_SHIFT) + vma->vm_pgoff, len,
			       pgprot_noncached(vma->vm_page_prot));
}

static const struct file_operations whole_fops = {
	.mmap = whole_mmap,
};
