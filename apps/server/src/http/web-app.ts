import { extname, join, resolve, sep } from 'node:path'
import express from 'express'
import type { RequestHandler, Router } from 'express'
import { ApiError } from './api-error'

/**
 * Serves the built web app from `webRoot`. Vite fingerprints everything under `assets/`, so those
 * files may be cached forever, while `index.html` must be revalidated to pick up a new build.
 */
export function webApp(webRoot: string): Router {
  const root = resolve(webRoot)
  const assetsDir = join(root, 'assets') + sep
  const router = express.Router()
  router.use(
    express.static(root, {
      index: 'index.html',
      setHeaders: (res, path) => {
        res.setHeader(
          'Cache-Control',
          path.startsWith(assetsDir) ? 'public, max-age=31536000, immutable' : 'no-cache',
        )
      },
    }),
  )
  router.use(spaFallback(join(root, 'index.html')))
  return router
}

/**
 * Client-side routes such as `/designs/word-count` have no file on disk: answer them with the app
 * shell. A path with an extension names a file, so a missing one stays a 404 instead of HTML.
 */
function spaFallback(indexFile: string): RequestHandler {
  return (req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || extname(req.path) !== '') {
      next()
      return
    }
    res.setHeader('Cache-Control', 'no-cache')
    res.sendFile(indexFile, (err?: Error) => {
      if (!err) return
      if (isMissingFile(err)) {
        next(
          new ApiError(
            404,
            'web_app_not_built',
            'The web app is not built: run `npm run build`, or use `npm run dev` while developing',
            { indexFile },
          ),
        )
        return
      }
      next(err)
    })
  }
}

function isMissingFile(err: Error): boolean {
  return 'code' in err && (err.code === 'ENOENT' || err.code === 'ENOTDIR')
}
