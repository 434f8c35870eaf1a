'use strict';
// Renders the OpenAPI document with Swagger UI (from its WebJar); calls made with "Try it out" carry the session's
// CSRF token like every other console request.
(function () {
  H.init('api.html').then(() => {
    window.SwaggerUIBundle({
      url: '/api/v1/openapi.json',
      dom_id: '#swagger-ui',
      deepLinking: true,
      docExpansion: 'list',
      defaultModelsExpandDepth: 0,
      requestInterceptor: (request) => {
        const token = H.csrfToken();
        if (token && request.method !== 'GET') request.headers['X-CSRF-Token'] = token;
        return request;
      },
    });
  }).catch((e) => H.error(document.getElementById('api-message'), e));
})();
