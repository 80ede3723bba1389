/**
 * The CUDA backend (JCuda 12.6), found at run time through
 * {@link dev.descent.cuda.CudaBackendProvider} and the {@code core.compute} registry; depends
 * on {@code core.compute} and JCuda only.
 *
 * <ul>
 *   <li>{@link dev.descent.cuda.CudaProbe}: driver, devices, cuBLAS, NVRTC and loading the
 *       kernels' PTX into the device tried once per process; failures become reasons ("no CUDA
 *       driver (libcuda.so.1 not found)"). The PTX is compiled once and kept ({@code KernelPtx}).</li>
 *   <li>{@link dev.descent.cuda.CudaBackend}: the backend's logic (buffers, range checks, GEMM
 *       dispatch, close) over a {@code CudaDevice}; {@code JCudaDevice} holds every native call
 *       (primary context, cuBLAS handle, the kernels' module).</li>
 *   <li>{@link dev.descent.cuda.CublasGemmMapping}: row-major GEMM onto column-major
 *       {@code cublasSgemmStridedBatched} by swapping the operands; pure Java.</li>
 *   <li>{@link dev.descent.cuda.LaunchConfig}: grid and block sizes for the grid-stride kernels.</li>
 * </ul>
 *
 * <p>No GPU was available where this was written. The mapping, the launch sizes, the probe's
 * reasons and the backend's logic are tested on the CPU: the mapping against a plain-Java
 * column-major SGEMM, the kernels compiled for the host with g++ and run thread by thread
 * against the CPU backend, the source compiled to PTX with nvcc. The JCuda calls themselves
 * ({@code JCudaDevice}, {@code JCublasGemm}, {@code JCudaProbeSteps}) have not run on a GPU;
 * the GPU test classes skip themselves with the probe's reason.
 */
package dev.descent.cuda;
