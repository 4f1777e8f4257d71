// The same with the guard in ->mmap and the insertion in ->fault: private mappings are refused.
static vm_fault_t guarded_fault(struct vm_fault *vmf)
{
	return vmf_insert_pfn(vmf->vma, vmf->address, base_pfn + vmf->pgoff);
}

static const struct vm_operations_struct guarded_vm_ops = {
	.fault = guarded_fault,
};

static int guarded_mmap(struct file *filp, struct vm_area_struct *vma)
{
	if (!is_cow_mapping(vma->vm_flags) && vma_pages(vma) <= BUF_PAGES) {
		vm_flags_set(vma, VM_PFNMAP | VM_IO);
		vma->vm_ops = &guarded_vm_ops;
		return 0;
	}
	if (is_cow_mapping(vma->vm_flags))
		return -EINVAL;
	return -EINVAL;
}

static const struct file_operations guarded_fops = {
	.mmap = guarded_mmap,
};
