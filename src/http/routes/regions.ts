import { newRouter } from '../router.js';

export const regionRoutes = newRouter();
