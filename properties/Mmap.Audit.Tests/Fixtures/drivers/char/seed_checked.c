// Per-page remap with the result checked: MAP_PRIVATE of more than one page fails with EINVAL.
static int checked_mmap(struct file *filp, struct vm_area_struct *vma)
{
	unsigned long size = vma->vm_end - vma->vm_start;
	unsigned long off;
	int ret;

	if (size > BUF_PAGES * PAGE_SIZE)
		return -EINVAL;
	for (off = 0; off < size; off += PAGE_SIZE) {
		ret = remap_pfn_range(vma, vma->vm_start + off, vmalloc_to_pfn(buf + off), PAGE_SIZE, vma->vm_page_prot);
		if (ret)
			return ret;
	}
	return 0;
}

static const struct file_operations checked_fops = {
	.mmap = checked_mmap,
};
