// The mapping is set up by a backend behind a function pointer (cxlflash_cxl_mmap → cfg->ops->fd_mmap, an mmap member
// whose functions are judged as entry points of their own), then the handler installs its own fault handler, which
// returns an error page or hands the fault back through the backend's vm_ops pointer: unknown (what that fault maps is
// not known), not clean because of the vmf->page it can see.
static vm_fault_t wrap_fault(struct vm_fault *vmf)
{
	struct ctx *ctx = vmf->vma->vm_private_data;

	if (ctx->err_page) {
		vmf->page = ctx->err_page;
		get_page(vmf->page);
		return 0;
	}
	return ctx->backend_vmops->fault(vmf);
}

static const struct vm_operations_struct wrap_vmops = {
	.fault = wrap_fault,
};

static int wrap_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct cfg *cfg = file->private_data;
	int rc;

	rc = cfg->ops->fd_mmap(file, vma);
	if (!rc) {
		cfg->ctx->backend_vmops = vma->vm_ops;
		vma->vm_ops = &wrap_vmops;
	}
	return rc;
}

static const struct file_operations wrap_fops = {
	.mmap = wrap_mmap,
};
