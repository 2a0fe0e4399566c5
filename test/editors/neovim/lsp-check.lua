-- Neovim (0.7+) as a second real LSP client: starts `node dist/server.js --stdio`, opens each file
-- named in SHIPSHAPE_FILES (colon-separated), waits for the server to publish diagnostics for it, and
-- prints one JSON line per file with the rule codes it received. Exits non-zero if a publish never comes.
local server = os.getenv('SHIPSHAPE_SERVER')
local root = os.getenv('SHIPSHAPE_ROOT')
local files = vim.split(os.getenv('SHIPSHAPE_FILES'), ':', { plain = true })
local published = {}

local client_id = vim.lsp.start_client({
  name = 'shipshape',
  cmd = { 'node', server, '--stdio' },
  root_dir = root,
  workspace_folders = { { uri = vim.uri_from_fname(root), name = 'ws' } },
  handlers = {
    ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
      published[result.uri] = result.diagnostics
      return vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, config)
    end,
  },
})

local ok_all = true
for _, file in ipairs(files) do
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local buf = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(buf, client_id)
  local uri = vim.uri_from_bufnr(buf)
  local ok = vim.wait(20000, function() return published[uri] ~= nil end, 20)
  local codes = {}
  for _, d in ipairs(published[uri] or {}) do table.insert(codes, d.code or '?') end
  io.stdout:write(vim.fn.json_encode({ file = file, published = ok, codes = codes, count = #codes }) .. '\n')
  if not ok then ok_all = false end
end

vim.lsp.stop_client(client_id)
vim.wait(3000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 20)
vim.cmd(ok_all and 'qall!' or 'cquit! 1')
