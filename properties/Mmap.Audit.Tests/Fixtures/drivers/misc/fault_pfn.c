// VM_PFNMAP with vmf_insert_pfn in ->fault and no CoW guard: MAP_PRIVATE hits BUG_ON on the first fault.
static vm_fault_t pfn_fault(struct vm_fault *vmf)
{
	unsigned long pfn = base_pfn + vmf->pgoff;

	return vmf_insert_pfn(vmf->vma, vmf->address, pfn);
}

static const struct vm_operations_struct pfn_vm_ops = {
	.fault = pfn_fault,
};

static int pfn_mmap(struct file *filp, struct vm_area_struct *vma)
{
	if (vma_pages(vma) > BUF_PAGES)
		return -EINVAL;
	vma->vm_flags |= VM_PFNMAP | VM_DONTEXPAND;
	vma->vm_ops = &pfn_vm_ops;
	return 0;
}

static const struct file_operations pfn_fops = {
	.mmap = pfn_mmap,
};
