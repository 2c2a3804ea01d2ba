/* The CBLAS routines numpy's core calls, in plain C, for a bundle without OpenBLAS (see noblas.py).
 *
 * numpy's wheel links its core module (_multiarray_umath) against scipy-openblas (23 MiB with
 * gfortran): it calls BLAS only for dot/matmul/vdot/inner of contiguous float and complex arrays,
 * and Sala's charts and word cloud do little of that. These loops give the same results as the
 * reference BLAS (no blocking, no threads): slower on big matrices, exact in meaning. Every symbol
 * is the 64-bit-integer interface the wheel uses (scipy_cblas_<name>64_). LAPACK is not here:
 * numpy.linalg's module is replaced in the bundle by one that says it is not available.
 */
#include <complex.h>
#include <stdint.h>

typedef int64_t blasint;
enum { RowMajor = 101, ColMajor = 102 };
enum { NoTrans = 111, Trans = 112, ConjTrans = 113 };
enum { Upper = 121, Lower = 122 };

#define EXPORT __attribute__((visibility("default")))
#define START(n, inc) ((inc) < 0 ? (1 - (n)) * (inc) : 0)

/* element (i, j) of a matrix stored in `order` with leading dimension ld, and its address */
#define AT(M, order, ld, i, j) ((order) == RowMajor ? (M)[(i) * (ld) + (j)] : (M)[(i) + (j) * (ld)])
#define ADDR(M, order, ld, i, j) ((order) == RowMajor ? &(M)[(i) * (ld) + (j)] : &(M)[(i) + (j) * (ld)])

#define REAL_CONJ(x) (x)
#define CPLX_CONJ_F(x) conjf(x)
#define CPLX_CONJ_D(x) conj(x)

/* op(A)(i, l): A itself, its transpose, or its conjugate transpose */
#define OP(M, order, ld, trans, i, l, CONJ) \
    ((trans) == NoTrans ? AT(M, order, ld, i, l) \
     : (trans) == Trans ? AT(M, order, ld, l, i) : CONJ(AT(M, order, ld, l, i)))

#define BODIES(P, T, CONJ)                                                                            \
static void P##axpy_(blasint n, T alpha, const T *x, blasint incx, T *y, blasint incy) {              \
    blasint ix = START(n, incx), iy = START(n, incy);                                                 \
    for (blasint i = 0; i < n; i++, ix += incx, iy += incy) y[iy] += alpha * x[ix];                   \
}                                                                                                     \
static T P##dot_(blasint n, const T *x, blasint incx, const T *y, blasint incy, int conj_x) {         \
    T sum = 0;                                                                                        \
    blasint ix = START(n, incx), iy = START(n, incy);                                                 \
    for (blasint i = 0; i < n; i++, ix += incx, iy += incy) sum += (conj_x ? CONJ(x[ix]) : x[ix]) * y[iy]; \
    return sum;                                                                                       \
}                                                                                                     \
static void P##gemv_(int order, int trans, blasint m, blasint n, T alpha, const T *a, blasint lda,    \
                     const T *x, blasint incx, T beta, T *y, blasint incy) {                          \
    blasint rows = trans == NoTrans ? m : n, cols = trans == NoTrans ? n : m;                         \
    blasint iy = START(rows, incy);                                                                   \
    for (blasint i = 0; i < rows; i++, iy += incy) {                                                  \
        T sum = 0;                                                                                    \
        blasint ix = START(cols, incx);                                                               \
        for (blasint j = 0; j < cols; j++, ix += incx) sum += OP(a, order, lda, trans, i, j, CONJ) * x[ix]; \
        y[iy] = alpha * sum + (beta == 0 ? 0 : beta * y[iy]);                                         \
    }                                                                                                 \
}                                                                                                     \
static void P##gemm_(int order, int ta, int tb, blasint m, blasint n, blasint k, T alpha, const T *a, \
                     blasint lda, const T *b, blasint ldb, T beta, T *c, blasint ldc) {               \
    for (blasint i = 0; i < m; i++)                                                                   \
        for (blasint j = 0; j < n; j++) {                                                             \
            T sum = 0;                                                                                \
            for (blasint l = 0; l < k; l++)                                                           \
                sum += OP(a, order, lda, ta, i, l, CONJ) * OP(b, order, ldb, tb, l, j, CONJ);         \
            T *out = ADDR(c, order, ldc, i, j);                                                        \
            *out = alpha * sum + (beta == 0 ? 0 : beta * *out);                                       \
        }                                                                                             \
}                                                                                                     \
static void P##syrk_(int order, int uplo, int trans, blasint n, blasint k, T alpha, const T *a,       \
                     blasint lda, T beta, T *c, blasint ldc) {                                        \
    int other = trans == NoTrans ? Trans : NoTrans; /* C = A·Aᵀ or Aᵀ·A, no conjugate (not herk) */  \
    for (blasint i = 0; i < n; i++)                                                                   \
        for (blasint j = (uplo == Upper ? i : 0); j < (uplo == Upper ? n : i + 1); j++) {            \
            T sum = 0;                                                                                \
            for (blasint l = 0; l < k; l++)                                                           \
                sum += OP(a, order, lda, trans, i, l, REAL_CONJ) * OP(a, order, lda, other, l, j, REAL_CONJ); \
            T *out = ADDR(c, order, ldc, i, j);                                                        \
            *out = alpha * sum + (beta == 0 ? 0 : beta * *out);                                       \
        }                                                                                             \
}

BODIES(s, float, REAL_CONJ)
BODIES(d, double, REAL_CONJ)
BODIES(c, float complex, CPLX_CONJ_F)
BODIES(z, double complex, CPLX_CONJ_D)

/* Real routines take their scalars by value. */
#define REAL_API(P, T)                                                                                \
EXPORT void scipy_cblas_##P##axpy64_(blasint n, T alpha, const T *x, blasint incx, T *y, blasint incy) { \
    P##axpy_(n, alpha, x, incx, y, incy); }                                                           \
EXPORT T scipy_cblas_##P##dot64_(blasint n, const T *x, blasint incx, const T *y, blasint incy) {    \
    return P##dot_(n, x, incx, y, incy, 0); }                                                        \
EXPORT void scipy_cblas_##P##gemv64_(int order, int trans, blasint m, blasint n, T alpha, const T *a, \
        blasint lda, const T *x, blasint incx, T beta, T *y, blasint incy) {                          \
    P##gemv_(order, trans, m, n, alpha, a, lda, x, incx, beta, y, incy); }                            \
EXPORT void scipy_cblas_##P##gemm64_(int order, int ta, int tb, blasint m, blasint n, blasint k, T alpha, \
        const T *a, blasint lda, const T *b, blasint ldb, T beta, T *c, blasint ldc) {                 \
    P##gemm_(order, ta, tb, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc); }                          \
EXPORT void scipy_cblas_##P##syrk64_(int order, int uplo, int trans, blasint n, blasint k, T alpha,   \
        const T *a, blasint lda, T beta, T *c, blasint ldc) {                                         \
    P##syrk_(order, uplo, trans, n, k, alpha, a, lda, beta, c, ldc); }

/* Complex routines take their scalars, and give their dot products, through pointers. */
#define CPLX_API(P, T)                                                                                \
EXPORT void scipy_cblas_##P##axpy64_(blasint n, const void *alpha, const void *x, blasint incx, void *y, \
        blasint incy) { P##axpy_(n, *(const T *)alpha, x, incx, y, incy); }                          \
EXPORT void scipy_cblas_##P##dotu_sub64_(blasint n, const void *x, blasint incx, const void *y,       \
        blasint incy, void *out) { *(T *)out = P##dot_(n, x, incx, y, incy, 0); }                     \
EXPORT void scipy_cblas_##P##dotc_sub64_(blasint n, const void *x, blasint incx, const void *y,       \
        blasint incy, void *out) { *(T *)out = P##dot_(n, x, incx, y, incy, 1); }                     \
EXPORT void scipy_cblas_##P##gemv64_(int order, int trans, blasint m, blasint n, const void *alpha,   \
        const void *a, blasint lda, const void *x, blasint incx, const void *beta, void *y, blasint incy) { \
    P##gemv_(order, trans, m, n, *(const T *)alpha, a, lda, x, incx, *(const T *)beta, y, incy); }   \
EXPORT void scipy_cblas_##P##gemm64_(int order, int ta, int tb, blasint m, blasint n, blasint k,      \
        const void *alpha, const void *a, blasint lda, const void *b, blasint ldb, const void *beta,  \
        void *c, blasint ldc) {                                                                       \
    P##gemm_(order, ta, tb, m, n, k, *(const T *)alpha, a, lda, b, ldb, *(const T *)beta, c, ldc); } \
EXPORT void scipy_cblas_##P##syrk64_(int order, int uplo, int trans, blasint n, blasint k,            \
        const void *alpha, const void *a, blasint lda, const void *beta, void *c, blasint ldc) {      \
    P##syrk_(order, uplo, trans, n, k, *(const T *)alpha, a, lda, *(const T *)beta, c, ldc); }

REAL_API(s, float)
REAL_API(d, double)
CPLX_API(c, float complex)
CPLX_API(z, double complex)
