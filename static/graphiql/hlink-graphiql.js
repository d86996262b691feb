/* hlink's GraphiQL (index.html): the vendored GraphiQL with the explorer plugin, signed in with the token the
   user puts in the Headers editor. Queries and mutations send those headers over HTTP; a subscription opens a
   WebSocket on the same path (graphql-transport-ws) and sends them as its connection_init payload, since a
   browser cannot set a WebSocket handshake's headers. */
(function () {
  "use strict";

  const endpoint = new URL("/graphql", window.location.href);
  const socket = new URL(endpoint.href);
  socket.protocol = endpoint.protocol === "https:" ? "wss:" : "ws:";

  const HINT =
    "Put your token in the Headers editor below (Authorization: Bearer hlk_...). The admin's token is " +
    "printed at hlink's first start and kept in <data dir>/admin.token (./data by default); " +
    "`hlink token create` makes more.";
  const PLACEHOLDER = "Bearer <your token; the admin's is in <data dir>/admin.token>";
  const DEFAULT_HEADERS = JSON.stringify({ Authorization: PLACEHOLDER }, null, 2);
  const DEFAULT_QUERY = [
    "# hlink's GraphQL API. Sign in first: put your token in the Headers editor below,",
    '#   {"Authorization": "Bearer hlk_..."}',
    "# The admin's token is printed at hlink's first start and kept in <data dir>/admin.token",
    "# (./data/admin.token by default); `hlink token create` makes more. Once you are signed in,",
    "# the explorer on the left builds queries from the schema. Run with Ctrl-Enter.",
    "{",
    "  me {",
    "    name",
    "    role",
    "  }",
    "}",
    "",
  ].join("\n");

  /** The Authorization value in the Headers editor's text, or null (not JSON yet, or none). */
  function authorizationOf(text) {
    try {
      const headers = JSON.parse(text || "{}");
      const given = headers && (headers.Authorization || headers.authorization);
      return typeof given === "string" ? given : null;
    } catch (error) {
      return null; // still being typed
    }
  }

  /** fetch, with the gate's 401 (an envelope, not GraphQL) made a GraphQL error GraphiQL shows in its result pane:
      without it, an introspection the gate refuses would leave an empty explorer and no word why. */
  async function signedFetch(input, init) {
    const headers = Object.assign({}, init && init.headers);
    for (const name of Object.keys(headers)) {
      if (name.toLowerCase() === "authorization" && headers[name] === PLACEHOLDER) {
        delete headers[name]; // not a token yet: the gate's answer is then "sign in first"
      }
    }
    const response = await window.fetch(input, Object.assign({}, init, { headers: headers }));
    if (response.status !== 401) {
      return response;
    }
    let reason = "sign in first";
    try {
      reason = (await response.clone().json()).msg || reason;
    } catch (error) {
      // not the envelope: keep the plain reason
    }
    const body = { errors: [{ message: "401 Unauthorized: " + reason + ". " + HINT }] };
    return new Response(JSON.stringify(body), { status: 200, headers: { "content-type": "application/json" } });
  }

  /** Why the gate refuses these headers, as a GraphQL answer, or null. A WebSocket the server refuses would be
      retried for half a minute by the subscription client before GraphiQL heard of it; this answers at once. */
  async function refusal(headers) {
    const response = await signedFetch(endpoint.href, {
      method: "POST",
      headers: Object.assign({}, headers, { "content-type": "application/json" }),
      body: JSON.stringify({ query: "{ __typename }" }),
    });
    const answer = await response.json();
    if (!answer.errors || !answer.errors.length) {
      return null;
    }
    return { errors: [{ message: "The subscription did not start: " + answer.errors[0].message }] };
  }

  function isSubscription(operationName, options) {
    const document = options && options.documentAST;
    return Boolean(
      document &&
        document.definitions.some(
          (d) =>
            d.kind === "OperationDefinition" &&
            d.operation === "subscription" &&
            (!operationName || (d.name && d.name.value === operationName)),
        ),
    );
  }

  /** GraphiQL's own fetcher (HTTP, and graphql-ws for subscriptions with the headers as connection_init payload). */
  function makeFetcher() {
    const fetcher = GraphiQL.createFetcher({ url: endpoint.href, subscriptionUrl: socket.href, fetch: signedFetch });
    return async function (params, options) {
      if (isSubscription(params.operationName, options)) {
        const refused = await refusal((options && options.headers) || {});
        if (refused) {
          return refused;
        }
      }
      return fetcher(params, options);
    };
  }

  /** localStorage without the headers GraphiQL 3 would keep there anyway (its history records each run's headers
      even when they are not to be persisted): the token, a credential, never outlives the tab. */
  const storage = {
    getItem: (key) => window.localStorage.getItem(key),
    setItem(key, value) {
      if (key !== "graphiql:headers") {
        window.localStorage.setItem(key, withoutHeaders(value));
      }
    },
    removeItem: (key) => window.localStorage.removeItem(key),
    clear: () => window.localStorage.clear(),
    key: (index) => window.localStorage.key(index),
    get length() {
      return window.localStorage.length;
    },
  };

  function withoutHeaders(value) {
    try {
      return JSON.stringify(JSON.parse(value), (key, item) => (key === "headers" ? undefined : item));
    } catch (error) {
      return value; // not JSON: holds no headers
    }
  }

  const explorer = GraphiQLPluginExplorer.explorerPlugin();

  function HlinkGraphiQL() {
    const [fetcher, setFetcher] = React.useState(makeFetcher);
    const signedInWith = React.useRef(null);
    const pending = React.useRef(null);
    // a new token: a new fetcher, which makes GraphiQL introspect again (the schema and the explorer need it)
    const onEditHeaders = React.useCallback(function (text) {
      window.clearTimeout(pending.current);
      pending.current = window.setTimeout(function () {
        const given = authorizationOf(text);
        if (given !== null && given !== signedInWith.current) {
          signedInWith.current = given;
          setFetcher(() => makeFetcher());
        }
      }, 300);
    }, []);
    return React.createElement(GraphiQL, {
      fetcher: fetcher,
      storage: storage,
      plugins: [explorer],
      visiblePlugin: explorer,
      defaultQuery: DEFAULT_QUERY,
      defaultHeaders: DEFAULT_HEADERS,
      defaultEditorToolsVisibility: "headers",
      isHeadersEditorEnabled: true,
      // a token is a credential: kept in this tab only (see storage)
      shouldPersistHeaders: false,
      showPersistHeadersSettings: false,
      onEditHeaders: onEditHeaders,
      inputValueDeprecation: true,
    });
  }

  ReactDOM.createRoot(document.getElementById("graphiql")).render(React.createElement(HlinkGraphiQL));
})();
