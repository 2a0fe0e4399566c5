-- Neovim (0.7+; Debian ships 0.7.2: no vim.lsp.start, so start_client + buf_attach_client) as a second
-- real LSP client. Starts `node <SHIPSHAPE_SERVER> --stdio` with the workspace SHIPSHAPE_ROOT, opens each
-- file of SHIPSHAPE_FILES (colon-separated absolute paths), waits until the server publishes diagnostics
-- for it (a publish with zero items counts: that is how "no findings" is tested) and prints one JSON
-- line per file:
--   {"file":..., "published":true, "ms":123, "diagnostics":[{"code":..., "line":1, "col":1, "severity":1,
--     "source":..., "message":...}]}
-- The raw publishDiagnostics params are captured in the handler: `code` is the rule id as the server sent it.
-- Exits 0 once every file got a publish, 1 otherwise (run-neovim.js checks the codes).
local server = os.getenv('SHIPSHAPE_SERVER')
local root = os.getenv('SHIPSHAPE_ROOT')
local files = vim.split(os.getenv('SHIPSHAPE_FILES') or '', ':', { plain = true })
local wait_ms = tonumber(os.getenv('SHIPSHAPE_NVIM_WAIT_MS') or '20000')
local node = os.getenv('SHIPSHAPE_NODE') or 'node'
local published = {}

local function emit(record)
  io.stdout:write(vim.fn.json_encode(record) .. '\n')
end

local client_id = vim.lsp.start_client({
  name = 'shipshape',
  cmd = { node, server, '--stdio' },
  root_dir = root,
  workspace_folders = { { uri = vim.uri_from_fname(root), name = 'editor-workspace' } },
  handlers = {
    ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
      if result and result.uri then published[result.uri] = result.diagnostics or {} end
      return vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, config)
    end,
  },
  on_exit = function(code, signal)
    if code ~= 0 then emit({ event = 'server-exit', code = code, signal = signal }) end
  end,
})
if not client_id then
  emit({ event = 'error', message = 'vim.lsp.start_client failed' })
  vim.cmd('cquit! 1')
end

local ok_all = true
for _, file in ipairs(files) do
  local t0 = vim.loop.hrtime()
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local buf = vim.api.nvim_get_current_buf()
  local uri = vim.uri_from_bufnr(buf)
  published[uri] = nil -- only a publish that comes after the open counts
  vim.lsp.buf_attach_client(buf, client_id)
  local ok = vim.wait(wait_ms, function() return published[uri] ~= nil end, 20)
  local diagnostics = {}
  for _, d in ipairs(published[uri] or {}) do
    table.insert(diagnostics, {
      code = d.code ~= nil and tostring(d.code) or vim.NIL,
      line = d.range.start.line + 1,
      col = d.range.start.character + 1,
      severity = d.severity or vim.NIL,
      source = d.source or vim.NIL,
      message = d.message,
    })
  end
  emit({ file = file, published = ok, ms = math.floor((vim.loop.hrtime() - t0) / 1e6), diagnostics = diagnostics })
  if not ok then ok_all = false end
end

vim.lsp.stop_client(client_id)
vim.wait(3000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 20)
vim.cmd(ok_all and 'qall!' or 'cquit! 1')
