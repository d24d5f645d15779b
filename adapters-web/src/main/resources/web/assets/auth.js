'use strict';
// With client keys configured (COMBOT_API_KEYS) the API answers 401 without one: the page then asks for a key once
// and keeps it in this browser's localStorage for the next calls.
const API_KEY_ITEM = 'combot.apiKey';

function withKey(options) {
  const key = localStorage.getItem(API_KEY_ITEM);
  const headers = Object.assign({}, options.headers);
  if (key) {
    headers.Authorization = 'Bearer ' + key;
  }
  return Object.assign({}, options, {headers});
}

async function apiFetch(url, options = {}) {
  const response = await fetch(url, withKey(options));
  if (response.status !== 401) {
    return response;
  }
  const key = window.prompt('This Combot needs an API key. Paste yours (it is kept in this browser only):');
  if (!key || !key.trim()) {
    return response;
  }
  localStorage.setItem(API_KEY_ITEM, key.trim());
  return fetch(url, withKey(options));
}
