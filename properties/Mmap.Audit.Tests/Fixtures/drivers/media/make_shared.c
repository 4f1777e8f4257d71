// A driver that turns a private VMA shared before mapping it page by page with remap_pfn_range (the shape of
// atomisp_mmap): not a refusal of MAP_PRIVATE, and not CoW either: stores through the "private" mapping reach the
// buffer.
static int map_frame(struct vm_area_struct *vma, unsigned long start, unsigned long pos, unsigned long size)
{
	while (size > 0) {
		if (remap_pfn_range(vma, start, vmalloc_to_pfn((void *)pos), PAGE_SIZE, vma->vm_page_prot))
			return -EAGAIN;
		start += PAGE_SIZE;
		pos += PAGE_SIZE;
		size -= PAGE_SIZE;
	}
	return 0;
}

static int mkshared_mmap(struct file *file, struct vm_area_struct *vma)
{
	unsigned long size = vma->vm_end - vma->vm_start;
	unsigned long pos = (unsigned long)frame_buf + (vma->vm_pgoff << PAGE_SHIFT);
	int ret;

	if ((vma->vm_pgoff << PAGE_SHIFT) + size > FRAME_SIZE)
		return -EINVAL;

	if (!(vma->vm_flags & VM_SHARED)) {
		vma->vm_flags |= VM_SHARED;
		ret = map_frame(vma, vma->vm_start, pos, size);
		return ret;
	}

	return map_frame(vma, vma->vm_start, pos, size);
}

static const struct v4l2_file_operations mkshared_fops = {
	.mmap = mkshared_mmap,
};
