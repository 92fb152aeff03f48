FROM node:20-slim
RUN true
FROM nosuch/image:1
COPY --from=0 /etc/hostname /x
