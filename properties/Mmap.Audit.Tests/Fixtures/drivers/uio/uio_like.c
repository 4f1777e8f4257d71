// Registered at probe time (uio_info->mmap) and mapping with vm_iomap_memory: correct.
static int dev_mmap(struct uio_info *info, struct vm_area_struct *vma)
{
	return vm_iomap_memory(vma, info->mem[0].addr, info->mem[0].size);
}

static int dev_probe(struct platform_device *pdev)
{
	info->mmap = dev_mmap;
	return 0;
}
