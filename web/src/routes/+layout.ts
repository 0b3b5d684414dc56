// A client-only app: the static files are served as they are and the API is called from the browser.
export const ssr = false;
export const prerender = false;
