#ifndef CANDOR_CBLAS_SHIM_H
#define CANDOR_CBLAS_SHIM_H
#include <cblas.h>
#include <lapacke.h>
#endif
