import { Spin } from 'antd';
import { Suspense, lazy } from 'react';
import { Navigate, type RouteObject } from 'react-router-dom';

// The portal loads on its own, so residents on a phone never download the staff workbench.
const PublicLayout = lazy(() => import('./components/public-layout.js').then((m) => ({ default: m.PublicLayout })));
const SubmitPage = lazy(() => import('./components/submit-page.js').then((m) => ({ default: m.SubmitPage })));
const TrackPage = lazy(() => import('./components/track-page.js').then((m) => ({ default: m.TrackPage })));

const wait = <Spin style={{ display: 'block', margin: '40px auto' }} />;

/** /public: submit, track, urge, evaluate — no session, no staff menu. */
export const publicRoute: RouteObject = {
  path: '/public',
  element: (
    <Suspense fallback={wait}>
      <PublicLayout />
    </Suspense>
  ),
  children: [
    { index: true, element: <Navigate to="/public/submit" replace /> },
    {
      path: 'submit',
      element: (
        <Suspense fallback={wait}>
          <SubmitPage />
        </Suspense>
      ),
    },
    {
      path: 'track',
      element: (
        <Suspense fallback={wait}>
          <TrackPage mode="track" />
        </Suspense>
      ),
    },
    {
      path: 'urge',
      element: (
        <Suspense fallback={wait}>
          <TrackPage mode="urge" />
        </Suspense>
      ),
    },
    {
      path: 'evaluate',
      element: (
        <Suspense fallback={wait}>
          <TrackPage mode="evaluate" />
        </Suspense>
      ),
    },
  ],
};
